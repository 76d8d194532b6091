/**
 * Batch: `mapwright run <mapping> --input <file> --out <file> --progress`
 * over a generated CSV and JSON Lines file of 1 GB (10 MB in quick mode),
 * started as users start it, against a hand-written Node stream doing the
 * same rename. Files go to a temp directory that is deleted afterwards.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBatchFile, type BatchFormat } from '../batch/batch-files';
import { runCommandOptions, runProbed, type BatchOutcome } from '../batch/batch-run';
import { notRun, ratio, round, type Cell, type SectionTable } from '../report/results';
import { MAPPINGS_DIR } from '../workloads/workloads';
import type { BenchOptions } from './bench-options';

/** The batch target: peak RSS of `mapwright run` on 1 GB stays under this. */
export const BATCH_RSS_TARGET_MB = 512;

/** Counts the non-empty lines of a file without holding it in memory. */
async function countLines(file: string): Promise<number> {
  let count = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) count++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 10 ? count : count + 1;
}

/** Checks an output has one line per record (plus the CSV header) and turns the outcome into figures. */
async function checked(outcome: BatchOutcome, out: string, format: BatchFormat, records: number): Promise<BatchOutcome> {
  if (!outcome.ok) return outcome;
  const lines = await countLines(out).catch(() => -1);
  const expected = records + (format === 'csv' ? 1 : 0);
  return lines === expected ? outcome : { ok: false, reason: `output has ${lines} lines, expected ${expected}` };
}

function perSecond(outcome: BatchOutcome, records: number): Cell {
  return outcome.ok ? round(records / outcome.seconds) : notRun(outcome.reason);
}

/** Runs the batch section. */
export async function batchSection(options: BenchOptions): Promise<SectionTable> {
  // MAPWRIGHT_BENCH_BATCH_MB measures another size (a check between the quick 10 MB and the full 1 GB).
  const sizeMb = Number(process.env.MAPWRIGHT_BENCH_BATCH_MB);
  const targetBytes = sizeMb > 0 ? sizeMb * 1e6 : options.quick ? 10e6 : 1e9;
  const timeoutMs = options.quick ? 120_000 : 1_200_000;
  const cli = await runCommandOptions();
  const rows: SectionTable['rows'] = [];
  const dir = await mkdtemp(join(tmpdir(), 'mapwright-bench-'));
  try {
    for (const format of ['csv', 'jsonl'] as BatchFormat[]) {
      const input = join(dir, `input.${format}`);
      const output = join(dir, `output.${format}`);
      const { records, bytes } = await writeBatchFile(input, format, targetBytes);
      options.log(`batch ${format}: wrote ${Math.round(bytes / 1e6)} MB, ${records} records`);
      const baseline = await checked(await runProbed(['--import', 'tsx', join(import.meta.dirname, '..', 'batch', 'stream-baseline.ts'), format, input, output], join(dir, 'rss-baseline.json'), timeoutMs), output, format, records);
      await rm(output, { force: true });
      options.log(`batch ${format} hand-written: ${baseline.ok ? 'ok' : baseline.reason}`);
      let mapwright: BatchOutcome;
      if (!cli.progress) {
        mapwright = { ok: false, reason: 'batch mode not available: `mapwright run` has no --progress option in this build' };
      } else {
        const mapping = join(MAPPINGS_DIR, `flat-rename-${format}.mapwright.json`);
        const args = ['bin/mapwright.mjs', 'run', mapping, '--input', input, '--out', output, '--progress', ...(cli.batch ? ['--batch'] : [])];
        mapwright = await checked(await runProbed(args, join(dir, 'rss-mapwright.json'), timeoutMs), output, format, records);
      }
      await rm(output, { force: true });
      await rm(input, { force: true });
      options.log(`batch ${format} mapwright: ${mapwright.ok ? 'ok' : mapwright.reason}`);
      rows.push({
        format,
        mb: Math.round(bytes / 1e6),
        records,
        mapwrightPerSecond: perSecond(mapwright, records),
        handWrittenPerSecond: perSecond(baseline, records),
        mapwrightToHandWritten: ratio(mapwright.ok ? mapwright.seconds : undefined, baseline.ok ? baseline.seconds : undefined),
        mapwrightPeakRssMb: mapwright.ok ? mapwright.peakRssMb : null,
        underTarget: mapwright.ok ? (mapwright.peakRssMb < BATCH_RSS_TARGET_MB ? 'yes' : 'NO') : null,
        handWrittenPeakRssMb: baseline.ok ? baseline.peakRssMb : null,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    id: 'batch',
    title: 'Batch run',
    note: `\`mapwright run <flat-rename mapping> --input <file> --out <file> --progress\` as a child process over generated flat records (15 text fields), whole process wall time including start-up, against a hand-written Node stream doing the same rename (readline, map, write) on the same file. Ratio = Mapwright time / hand-written time. Peak RSS is the process's maxRSS (worker threads included), read by a preloaded probe at exit; target: under ${BATCH_RSS_TARGET_MB} MB. Each output is checked to have one line per record.`,
    columns: ['format', 'mb', 'records', 'mapwrightPerSecond', 'handWrittenPerSecond', 'mapwrightToHandWritten', 'mapwrightPeakRssMb', 'underTarget', 'handWrittenPeakRssMb'],
    rows,
  };
}
