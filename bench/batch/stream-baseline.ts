/**
 * The batch benchmark's baseline, run as its own process: the flat rename
 * written by hand as a plain Node stream (read lines, map, write), no
 * worker, no validation. `node --import tsx stream-baseline.ts <csv|jsonl> <in> <out>`.
 * Prints the record count.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { FLAT_RENAMES } from '../workloads/flat-rename';
import { splitCsvLine } from './csv-line';

const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function main(format: string, input: string, output: string): Promise<void> {
  const out = createWriteStream(output);
  const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
  // Column index of each source field, from the header line.
  let order: number[] | undefined;
  let records = 0;
  let buffer = '';
  for await (const line of lines) {
    if (line === '') continue;
    let text: string;
    if (format === 'csv') {
      const cells = splitCsvLine(line);
      if (!order) {
        order = FLAT_RENAMES.map(([from]) => cells.indexOf(from));
        buffer += `${FLAT_RENAMES.map(([, to]) => to).join(',')}\n`;
        continue;
      }
      text = order.map((i) => quote(cells[i] ?? '')).join(',');
    } else {
      const record = JSON.parse(line) as Record<string, unknown>;
      const mapped: Record<string, unknown> = {};
      for (const [from, to] of FLAT_RENAMES) mapped[to] = record[from];
      text = JSON.stringify(mapped);
    }
    buffer += `${text}\n`;
    records++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'close');
  process.stdout.write(`${records}\n`);
}

const [format, input, output] = process.argv.slice(2);
if (!format || !input || !output) throw new Error('usage: stream-baseline.ts <csv|jsonl> <in> <out>');
await main(format, input, output);
