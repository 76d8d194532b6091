// Preloaded with `node --import` into a batch benchmark process: when the
// process exits, it writes its peak resident set (all threads) to the file
// named by BENCH_RSS_FILE, so the CLI is measured exactly as users run it.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  });
}
