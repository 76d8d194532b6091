/**
 * `npm run bench`: parse throughput of the payload readers, as ratios against
 * `JSON.parse` of the same records measured in the same run (so the figures
 * hold on a noisy machine). Writes bench/results.json. `--quick` runs the
 * small size only. Engine, batch and preview benchmarks join when the
 * mapping engine lands.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../mapping-engine/payload/csv-read';
import { readJson } from '../mapping-engine/payload/json-read';
import { readXml } from '../mapping-engine/payload/xml-read';
import { generateRecords, toCsv, toXml } from './generate-records';

interface Row {
  case: string;
  records: number;
  mb: number;
  mbPerSecond: number;
  ratioToJsonParse: number;
}

/** Best of `runs` wall-clock timings, in seconds. */
function best(runs: number, work: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    min = Math.min(min, (performance.now() - start) / 1000);
  }
  return min;
}

const quick = process.argv.includes('--quick');
const sizes = quick ? [20_000] : [20_000, 200_000];
const rows: Row[] = [];
const encoder = new TextEncoder();

for (const count of sizes) {
  const records = generateRecords(count);
  const json = JSON.stringify(records);
  const inputs = { json: encoder.encode(json), csv: encoder.encode(toCsv(records)), xml: encoder.encode(toXml(records)) };
  const runs = count > 100_000 ? 2 : 4;
  const baseline = best(runs, () => JSON.parse(new TextDecoder().decode(inputs.json)));
  const measure = (name: string, bytes: Uint8Array, work: () => unknown) => {
    const seconds = best(runs, work);
    const mb = bytes.length / 1e6;
    rows.push({ case: name, records: count, mb: +mb.toFixed(2), mbPerSecond: +(mb / seconds).toFixed(1), ratioToJsonParse: +(seconds / baseline).toFixed(2) });
  };
  measure('JSON.parse (baseline)', inputs.json, () => JSON.parse(new TextDecoder().decode(inputs.json)));
  measure('readJson', inputs.json, () => readJson(inputs.json));
  measure('readCsv', inputs.csv, () => readCsv(inputs.csv));
  measure('readXml', inputs.xml, () => readXml(inputs.xml));
}

console.table(rows);
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) };
mkdirSync(join(import.meta.dirname), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, quick, rows }, null, 2)}\n`);
console.log(`machine: ${JSON.stringify(machine)}\nwrote bench/results.json`);
