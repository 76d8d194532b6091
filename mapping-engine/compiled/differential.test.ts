/**
 * The differential suite of the compiled engine: every sample project, every
 * bench workload and synthetic documents covering each compiled rule kind
 * run through the compiled program (with its jsonata fallback) and through
 * jsonata, on their own inputs and on seeded fuzzed shapes of them. Any
 * difference in output or error code fails. The fallback rate is printed,
 * and for each sample which engine ran its own inputs; a sample without
 * custom code must run compiled on every own input jsonata maps without an
 * error (errors are always jsonata's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../compiler/compile-project';
import { compileDocument } from '../compiler/compile-document';
import { loadDocument } from '../document/load-document';
import { createFsResolver } from '../node/fs-resolver';
import { readPayload } from '../payload/read-payload';
import { parameterBindings } from '../compiler/run-parameters';
import { sampleProjects, SAMPLES_DIR } from '../../tests/helpers/sample-projects';
import { CRM_SAMPLE, generateCrmAccounts } from '../../bench/workloads/crm-accounts';
import { generateFlatRecords } from '../../bench/workloads/flat-rename';
import { generateOrders } from '../../bench/workloads/order-lines';
import { MAPPINGS_DIR } from '../../bench/workloads/workloads';
import { compileProgram } from './compile-program';
import { compareEngines } from './differential-check';
import { runBindings } from './engine-selection';
import { DIFFERENTIAL_DOCUMENTS, DIFFERENTIAL_RECORDS } from './differential-documents';
import { PRODUCT_DOCUMENT, PRODUCT_RECORDS } from './differential-numbers';
import { fuzzInputs } from './shape-fuzzer';

/** Fuzzed inputs per document. */
const FUZZ_COUNT = 150;

/** The time of the run the hosts pin for parameters defaulting to it (engine-selection.ts `runBindings`). */
const NOW = new Date('2024-02-29T23:59:59.999Z');

interface Case {
  name: string;
  text: string;
  file: string;
  /** Records (or payloads) the inputs are made of. */
  records: unknown[];
  /** Whether inputs are chunks of records (a root array over the input) or single payloads. */
  perRecord: boolean;
  /** Run bindings (run parameters) of each record when a sample's test sets them; fuzzed inputs use the first. */
  bindings?: Array<Record<string, unknown> | undefined>;
  /** A sample: its engine on its own inputs is reported, and asserted when it has no custom code. */
  sample?: boolean;
  /** Its own inputs must run compiled, not fall back (a comparison after a fallback compares jsonata with itself). */
  compiled?: boolean;
}

/** Inputs compared and how many fell back, for the documents' own inputs and for fuzzed ones; each sample's engine on its own inputs. */
const tally = { own: { inputs: 0, fellBack: 0 }, fuzzed: { inputs: 0, fellBack: 0 }, reasons: new Map<string, number>(), wholeDocuments: [] as string[], samples: [] as string[] };

const rate = (t: { inputs: number; fellBack: number }): string => `${t.fellBack} of ${t.inputs} (${t.inputs === 0 ? 0 : ((100 * t.fellBack) / t.inputs).toFixed(1)}%)`;

function chunks(records: unknown[], size: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < records.length; i += size) out.push(records.slice(i, i + size));
  return out;
}

function sampleCase(file: string): Case {
  const text = readFileSync(file, 'utf8');
  const { document } = loadDocument(text, file);
  const dir = join(file, '..');
  const runs = [...document.source.samples.map((input) => ({ input, params: document.tests[0]?.params })), ...document.tests.map((t) => ({ input: t.input, params: t.params }))];
  const unique = [...new Map(runs.map((r) => [`${r.input} ${JSON.stringify(r.params ?? {})}`, r])).values()];
  const records = unique.map((r) => readPayload(readFileSync(join(dir, r.input)), { file: r.input }).value);
  const bindings = unique.map((r) => runBindings(document.parameters, document.parameters ? parameterBindings(document.parameters, r.params ?? {}) : undefined, NOW));
  return { name: `sample ${file.slice(SAMPLES_DIR.length + 1)}`, text, file, records, perRecord: false, bindings, sample: true };
}

function workloadCase(name: string, file: string, records: unknown[], withRootArray = false): Case {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { arrays?: unknown[]; tests?: unknown[] };
  if (withRootArray) {
    doc.arrays = [{ target: '.', source: '.' }, ...(doc.arrays ?? [])];
    doc.tests = [];
  }
  return { name: `workload ${name}`, text: JSON.stringify(doc), file, records, perRecord: true };
}

const cases: Case[] = [
  ...sampleProjects().map(sampleCase),
  workloadCase('flat-rename', join(MAPPINGS_DIR, 'flat-rename-jsonl.mapwright.json'), generateFlatRecords(300)),
  workloadCase('order-lines', join(MAPPINGS_DIR, 'order-lines-jsonl.mapwright.json'), generateOrders(300)),
  workloadCase('crm-to-erp', CRM_SAMPLE, generateCrmAccounts(300), true),
  ...DIFFERENTIAL_DOCUMENTS.map((doc) => ({
    name: `synthetic ${doc.name}`,
    text: JSON.stringify(doc),
    file: join(SAMPLES_DIR, 'synthetic.mapwright.json'),
    records: DIFFERENTIAL_RECORDS,
    perRecord: doc.arrays?.some((a) => a.target === '.') ?? false,
    // No run parameter set: each takes its default, the time of the run pinned as the hosts pin it.
    bindings: [runBindings(doc.parameters, {}, NOW)],
  })),
  {
    name: `synthetic ${PRODUCT_DOCUMENT.name}`,
    text: JSON.stringify(PRODUCT_DOCUMENT),
    file: join(SAMPLES_DIR, 'synthetic.mapwright.json'),
    records: PRODUCT_RECORDS,
    perRecord: true,
    compiled: true,
  },
];

describe('compiled engine against jsonata', () => {
  afterAll(() => {
    const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
    console.info(
      `compiled engine against jsonata: fallback on ${rate(tally.own)} own inputs (samples, workload chunks), on ${rate(tally.fuzzed)} fuzzed inputs` +
        `\n  whole documents on jsonata: ${tally.wholeDocuments.join('; ') || 'none'}` +
        `\n  samples: ${tally.samples.join('; ')}` +
        `\n  fallback reasons: ${reasons.join('; ')}`,
    );
  });

  it.each(cases.map((c) => [c.name, c]))('%s', async (_name, c) => {
    const project = await compileProject(c.text, c.file, createFsResolver());
    const result = compileProgram(project.document, project.tables);
    const custom = project.document.rules.some((r) => r.transforms.some((t) => t.kind === 'custom'));
    if (!('program' in result)) {
      tally.wholeDocuments.push(`${c.name}: ${result.unsupported}`);
      if (c.sample) tally.samples.push(`${c.name}: jsonata (whole document${custom ? ', custom code' : ''})`);
      // A sample without custom code must compile.
      if (c.sample && !custom) expect.fail(`${c.name} has no custom code but runs whole through jsonata: ${result.unsupported}`);
      // A document the engine does not compile runs whole through jsonata: nothing to compare.
      expect(result.unsupported).not.toBe('');
      return;
    }
    expect(project.compiled.expression).toBe(compileDocument(project.document, { tables: project.tables }).expression);
    const own = c.perRecord ? chunks(c.records, 50) : c.records;
    const inputs = [...own, ...fuzzInputs(c.records, 20_261_205, FUZZ_COUNT, c.perRecord)];
    const differences: string[] = [];
    const engines = { compiled: 0, errors: 0, fellBack: [] as string[] };
    for (const [i, input] of inputs.entries()) {
      const bindings = c.bindings?.[i < own.length && i < c.bindings.length ? i : 0];
      const comparison = await compareEngines(project.compiled.expression, result.program, input, bindings);
      const kind = i < own.length ? tally.own : tally.fuzzed;
      kind.inputs++;
      if (comparison.fellBack) {
        kind.fellBack++;
        tally.reasons.set(comparison.reason!, (tally.reasons.get(comparison.reason!) ?? 0) + 1);
      }
      if (i < own.length) {
        if (!comparison.fellBack) engines.compiled++;
        else if (comparison.failed) engines.errors++;
        else engines.fellBack.push(comparison.reason!);
      }
      if (comparison.difference) differences.push(comparison.difference);
    }
    expect(differences.slice(0, 3)).toEqual([]);
    if (c.compiled) expect([engines.compiled, engines.errors, engines.fellBack]).toEqual([own.length, 0, []]);
    if (c.sample) {
      tally.samples.push(`${c.name}: compiled on ${engines.compiled} of ${own.length} own inputs, jsonata on ${engines.errors} that are errors, fallback on ${engines.fellBack.length}${engines.fellBack.length ? ` (${engines.fellBack.join(', ')})` : ''}`);
      // Every own input jsonata maps without an error runs compiled.
      expect(engines.fellBack).toEqual([]);
    }
  });
});
