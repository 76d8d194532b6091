/**
 * Parse throughput of the payload readers (JSON, CSV, XML) at 10 MB and
 * 100 MB (10 MB only in quick mode), against JSON.parse of the same records
 * as JSON, both timed in the same child process.
 */
import { runChild } from '../measure/run-child';
import type { ParseFormat } from '../measure/child-spec';
import { notRun, ratio, round, type SectionTable } from '../report/results';
import type { BenchOptions } from './bench-options';

/** Runs the parse section. */
export async function parseSection(options: BenchOptions): Promise<SectionTable> {
  const rows: SectionTable['rows'] = [];
  for (const targetMb of options.quick ? [10] : [10, 100]) {
    for (const format of ['json', 'csv', 'xml'] as ParseFormat[]) {
      const result = await runChild({ kind: 'parse', format, targetMb }, { timeoutMs: targetMb > 10 ? 300_000 : 60_000, heapMb: 6_144 });
      options.log(`parse ${format} ${targetMb} MB: ${result.ok ? 'ok' : result.reason}`);
      const f = result.ok ? result.figures : {};
      rows.push({
        format,
        size: `${targetMb} MB`,
        records: f.records ?? null,
        mbPerSecond: result.ok ? round(f.mbPerSecond ?? NaN) : notRun(result.reason),
        jsonParseMbPerSecond: f.jsonParseMbPerSecond === undefined ? null : round(f.jsonParseMbPerSecond),
        timeToJsonParse: ratio(f.seconds, f.jsonParseSeconds),
        peakRssMb: f.peakRssMb ?? null,
      });
    }
  }
  return {
    id: 'parse',
    title: 'Parse throughput',
    note: 'MB/s of readJson, readCsv and readXml (bytes in, decoding included) on generated order records of about the given size in that format. The ratio is the reader\'s time divided by JSON.parse (with decoding) of the same records as JSON, measured in the same process: how many times slower than the fastest way to get the same data.',
    columns: ['format', 'size', 'records', 'mbPerSecond', 'jsonParseMbPerSecond', 'timeToJsonParse', 'peakRssMb'],
    rows,
  };
}
