/**
 * Entry of a measurement child process: `node --import tsx measure-child.ts
 * '<ChildSpec as JSON>'`. Runs the one measurement and prints its
 * {@link ChildResult} as the last line of stdout; a failure is an answer
 * (`ok: false` with the reason), not a crash, so the table can say why.
 */
import type { ChildResult, ChildSpec } from './child-spec';
import { measureEngine } from './engine-child';
import { measureParse } from './parse-child';
import { measureCancel, measurePreview } from './preview-child';

async function measure(spec: ChildSpec): Promise<Record<string, number>> {
  switch (spec.kind) {
    case 'engine':
      return measureEngine(spec);
    case 'parse':
      return measureParse(spec);
    case 'preview':
      return measurePreview(spec.sampleMb);
    case 'cancel':
      return measureCancel();
  }
}

let result: ChildResult;
try {
  result = { ok: true, figures: await measure(JSON.parse(process.argv[2] ?? '{}') as ChildSpec) };
} catch (error) {
  result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
}
process.stdout.write(`\n${JSON.stringify(result)}\n`);
// Idle pool threads are unref'd, but a failed run may leave one busy; the answer is out, so end now.
process.exit(0);
