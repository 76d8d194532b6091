/**
 * `npm run bench`: Mapwright's benchmarks, every figure next to a baseline
 * measured in the same run on the same data (see docs/performance.md).
 *
 *   --quick               small sizes only (a minute or two)
 *   --only a,b            sections to run: engine, scaling, parse, preview, size, canvas, cli, batch
 *   --write-docs          also regenerate docs/performance.md from the results (with --only: just those sections)
 *   --docs-only           regenerate docs/performance.md from bench/results.json, measure nothing
 *
 * Prints one table per section and writes bench/results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnLabel } from './report/column-labels';
import { renderPerformanceDoc, replaceSections } from './report/render-markdown';
import { machineInfo, type BenchResults, type SectionTable } from './report/results';
import { batchSection } from './sections/batch-section';
import { canvasSection } from './sections/canvas-section';
import { cliSection } from './sections/cli-section';
import type { BenchOptions } from './sections/bench-options';
import { engineSection } from './sections/engine-section';
import { parseSection } from './sections/parse-section';
import { previewSection } from './sections/preview-section';
import { scalingSection } from './sections/scaling-section';
import { sizeSection } from './sections/size-section';

const SECTIONS: Record<string, (options: BenchOptions) => Promise<SectionTable>> = {
  engine: engineSection,
  scaling: scalingSection,
  parse: parseSection,
  // Batch last: it is the longest, so a run stopped early still has every other section written.
  preview: previewSection,
  size: sizeSection,
  canvas: canvasSection,
  cli: cliSection,
  batch: batchSection,
};

const RESULTS_FILE = join(import.meta.dirname, 'results.json');
const DOCS_FILE = join(import.meta.dirname, '..', 'docs', 'performance.md');

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function writeDocs(results: BenchResults): void {
  writeFileSync(DOCS_FILE, renderPerformanceDoc(results));
  console.log(`wrote docs/performance.md`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--docs-only')) {
    writeDocs(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults);
    return;
  }
  const quick = process.argv.includes('--quick');
  const only = argValue('--only')?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !(name in SECTIONS)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const options: BenchOptions = { quick, log: (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`) };
  const started = performance.now();
  const sections: SectionTable[] = [];
  const snapshot = (complete: boolean): BenchResults => ({ date: new Date().toISOString(), quick, complete, machine: machineInfo(), durationSeconds: Math.round((performance.now() - started) / 1000), sections });
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (only && !only.includes(name)) continue;
    const section = await run(options);
    sections.push(section);
    console.log(`\n${section.title}`);
    console.table(section.rows.map((row) => Object.fromEntries(section.columns.map((key) => [columnLabel(key), row[key]]))));
    // Written after every section, so a long run stopped early keeps what it measured.
    writeFileSync(RESULTS_FILE, `${JSON.stringify(snapshot(false), null, 2)}\n`);
  }
  const results = snapshot(true);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nmachine: ${JSON.stringify(results.machine)}\nwrote bench/results.json (${results.durationSeconds} s)`);
  // A run of some sections replaces only those on the page; the others keep the figures of their run.
  if (process.argv.includes('--write-docs') && only) {
    writeFileSync(DOCS_FILE, replaceSections(readFileSync(DOCS_FILE, 'utf8'), results));
    console.log(`replaced ${only.join(', ')} in docs/performance.md`);
  } else if (process.argv.includes('--write-docs')) {
    writeDocs(results);
  }
}

await main();
