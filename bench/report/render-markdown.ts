/**
 * Renders bench results as docs/performance.md: how to run the suite, the
 * machine, and one table per section. Pure text in, text out, so the docs
 * are regenerated from bench/results.json and never edited by hand.
 */
import { columnLabel } from './column-labels';
import type { BenchResults, Cell, SectionTable } from './results';

/** One cell as Markdown: numbers with thousands separators, pipes escaped, empty as a dash. */
export function markdownCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '–';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(cell);
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One section as a Markdown heading, note and table. */
export function renderSection(section: SectionTable): string {
  const head = `| ${section.columns.map(columnLabel).join(' | ')} |`;
  const rule = `| ${section.columns.map(() => '---').join(' | ')} |`;
  const body = section.rows.map((row) => `| ${section.columns.map((key) => markdownCell(row[key])).join(' | ')} |`);
  return [`## ${section.title}`, '', section.note, '', head, rule, ...body, ''].join('\n');
}

const INTRO = `# Performance

\`npm run bench\` measures Mapwright against baselines run in the same process or on the same data in
the same run, so the ratios hold on a noisy machine even when absolute figures move. It is not part
of \`npm test\`. It prints the tables, writes \`bench/results.json\` (git-ignored) and, with
\`--write-docs\`, regenerates this page (\`--docs-only\` rewrites this page from an existing
\`bench/results.json\` without measuring).

- \`npm run bench -- --quick\`: the small sizes only (1k and 10k records, scaling of the flat rename
  at 10k, 10 MB parse, 10 MB batch files), a check in about two minutes.
- \`npm run bench\`: the full suite (up to 1M records, 100 MB parse, 1 GB batch files); it takes
  much longer than CI allows.
- \`--only engine,scaling,parse,preview,batch,size,canvas,cli\` runs some sections; with \`--write-docs\` it
  replaces only those sections of this page, each saying when it was measured.

All data is generated from fixed seeds (\`bench/workloads/\`, \`bench/generate-records.ts\`), so
anyone can rerun it; batch files go to the system temp directory and are deleted afterwards. The
mappings are \`bench/mappings/*.mapwright.json\` and the \`samples/crm-to-erp\` project, whose
rules run once per account of a list (a root array context is added in front of its own).

**Peak RSS.** Every measurement runs in a fresh child process and reports that process's
\`process.resourceUsage().maxRSS\`, which covers its worker threads, so a figure is never the high
water mark of an earlier measurement. Batch runs start \`node bin/mapwright.mjs run\` exactly as a
user would, with a preloaded probe (\`bench/batch/rss-probe.mjs\`) that records the same figure at
exit. Engine figures include the generated input held in memory ("input RSS").

**Not run.** A measurement that cannot be made (too slow, out of memory, a feature missing in
this build) is recorded as "not run (reason)" rather than estimated.
`;

/** The whole performance page for `results`. */
export function renderPerformanceDoc(results: BenchResults): string {
  const m = results.machine;
  const mode = results.quick
    ? '**These are QUICK-mode figures** (`--quick`: small sizes only); the full suite was not run for this page.'
    : 'Full run.';
  const stopped = results.complete === false ? ' **The run was stopped before it finished**: the sections below are those it completed.' : '';
  const run = [
    '## Latest run',
    '',
    `${mode} Measured ${results.date} in ${Math.round(results.durationSeconds)} s on: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}. The machine was shared with other work while it ran.${stopped}`,
    '',
  ].join('\n');
  return [INTRO, run, ...results.sections.map(renderSection)].join('\n');
}

/** The machine and date line of a section measured in a run of some sections only. */
function partialRunLine(results: BenchResults): string {
  const m = results.machine;
  const mode = results.quick ? 'QUICK-mode figures, ' : '';
  return `_${mode}measured ${results.date} in a run of this section alone, on: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}._`;
}

/**
 * The performance page `doc` with the sections of `results` (a run of some
 * sections only, \`--only\`) put in place of the same sections, or added at
 * the end; every other section keeps the figures of its own run.
 */
export function replaceSections(doc: string, results: BenchResults): string {
  let out = doc.endsWith('\n') ? doc : `${doc}\n`;
  for (const section of results.sections) {
    const rendered = renderSection({ ...section, note: `${partialRunLine(results)} ${section.note}` });
    const heading = `## ${section.title}\n`;
    const start = out.startsWith(heading) ? 0 : out.indexOf(`\n${heading}`) + 1;
    if (start <= 0 && !out.startsWith(heading)) {
      out = `${out}\n${rendered}`;
      continue;
    }
    const next = out.indexOf('\n## ', start + heading.length);
    const end = next < 0 ? out.length : next + 1;
    out = `${out.slice(0, start)}${rendered}${next < 0 ? '' : '\n'}${out.slice(end)}`;
  }
  return out;
}
