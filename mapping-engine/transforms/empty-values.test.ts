/**
 * Every transform kind on a source with no value: missing, `null` and `""`.
 * Each either passes "no value" on, so the rule's required policy decides
 * (MAP_REQUIRED_MISSING, the default, or the field left out), or makes a
 * value of its own (a constant, a default, a count of nothing), or raises a
 * coded error (a value map refusing unknown codes). Never jsonata's uncoded
 * RUN_EVALUATION, and never the text "null". The rules are compiled and run
 * with plain jsonata, and errors are read as `mapwright test` reads them.
 */
import { describe, expect, it } from 'vitest';
import jsonata from 'jsonata';
import { compileDocument } from '../compiler/compile-document';
import { doc } from '../compiler/compiler-test-helpers';
import type { MappingRule } from '../document/document-schema';
import { classifyRunError } from '../run/run-errors';
import { observeRunError } from '../run/test-expectations';
import { TRANSFORMS } from './registry';
import type { TransformKind } from './transform-node';

/** What no value gives: the rule's policy, a value of the transform's own, or a coded error. */
type Outcome = 'policy' | { value: unknown } | { code: string };

interface Row {
  node: Record<string, unknown>;
  /** Sources of the rule; the first is the one left without a value (others hold `other`). */
  sources?: string[];
  outcome?: Outcome;
  /** For null and "" when they differ from missing. */
  emptyOutcome?: Outcome;
}

/** Each kind with the parameters it needs, at least one row per kind of the registry. */
const ROWS: Array<[TransformKind, Row]> = [
  ['copy', { node: { kind: 'copy' } }],
  ['constant', { node: { kind: 'constant', value: 'k' }, outcome: { value: 'k' } }],
  ['default', { node: { kind: 'default', value: 'd' }, outcome: { value: 'd' } }],
  ['concat', { node: { kind: 'concat', separator: '-' } }],
  ['concat', { node: { kind: 'concat', separator: '-' }, sources: ['x', 'other'], outcome: { value: 'o' } }],
  ['split', { node: { kind: 'split', separator: ',' } }],
  ['split', { node: { kind: 'split', separator: ',', index: 0 } }],
  ['substring', { node: { kind: 'substring', start: 1, length: 2 } }],
  ['trim', { node: { kind: 'trim' } }],
  ['case', { node: { kind: 'case', mode: 'upper' } }],
  ['case', { node: { kind: 'case', mode: 'title' } }],
  ['pad', { node: { kind: 'pad', width: 5, char: '0' } }],
  ['replace', { node: { kind: 'replace', pattern: 'a', replacement: 'b' } }],
  ['replace', { node: { kind: 'replace', pattern: 'a+', replacement: 'b', regex: true } }],
  ['parseNumber', { node: { kind: 'parseNumber', decimalSeparator: ',' } }],
  ['formatNumber', { node: { kind: 'formatNumber', picture: '#0.00' } }],
  ['round', { node: { kind: 'round', decimals: 2 } }],
  ['round', { node: { kind: 'round', decimals: 2, fixed: true } }],
  ['arithmetic', { node: { kind: 'arithmetic', op: '*', operand: 2 } }],
  ['calculate', { node: { kind: 'calculate', op: '*' }, sources: ['x', 'other'] }],
  ['date', { node: { kind: 'date', from: 'iso', to: 'dd.MM.yyyy' } }],
  ['date', { node: { kind: 'date', from: 'dd.MM.yy', to: 'iso' } }],
  ['date', { node: { kind: 'date', from: 'epoch-ms', to: 'iso' } }],
  ['date', { node: { kind: 'date', from: 'epoch-s', to: 'yyyy-MM-dd', timezone: 'Europe/Berlin' } }],
  ['valueMap', { node: { kind: 'valueMap', entries: { a: 'A' }, default: 'U' }, emptyOutcome: { value: 'U' } }],
  // A value map and a lookup treat an empty code as a code they do not hold (see testgen/generate-cases.ts).
  ['valueMap', { node: { kind: 'valueMap', entries: { a: 'A' }, onUnknown: 'error' }, emptyOutcome: { code: 'MAP_INVALID_VALUE' } }],
  ['lookup', { node: { kind: 'lookup', table: 'codes', onUnknown: 'error' }, emptyOutcome: { code: 'MAP_INVALID_VALUE' } }],
  ['condition', { node: { kind: 'condition', when: { op: '=', value: 'x' }, then: 'y' } }],
  ['condition', { node: { kind: 'condition', when: { op: 'empty' }, reject: 'no value' }, outcome: { code: 'RECORD_REJECTED' } }],
  ['check', { node: { kind: 'check', test: 'range', min: 1 } }],
  ['parseBoolean', { node: { kind: 'parseBoolean' } }],
  // Lists that give empty text a meaning read it: "" and null mean false here.
  ['parseBoolean', { node: { kind: 'parseBoolean', trueValues: ['y'], falseValues: ['n', 'null', ''] }, emptyOutcome: { value: false } }],
  ['aggregate', { node: { kind: 'aggregate', fn: 'sum' } }],
  ['aggregate', { node: { kind: 'aggregate', fn: 'average', decimals: 2 } }],
  ['aggregate', { node: { kind: 'aggregate', fn: 'join' } }],
  ['aggregate', { node: { kind: 'aggregate', fn: 'count' }, outcome: { value: 0 } }],
  ['aggregate', { node: { kind: 'aggregate', fn: 'sum', field: 'a', times: 'b', decimalSeparator: ',' } }],
  ['pick', { node: { kind: 'pick', index: 0 } }],
  ['pick', { node: { kind: 'pick', field: 'a' } }],
  ['filter', { node: { kind: 'filter', when: { op: '!=', value: 'x' } } }],
  ['sort', { node: { kind: 'sort' } }],
  ['sort', { node: { kind: 'sort', field: 'a', descending: true } }],
  ['custom', { node: { kind: 'custom', expression: '$value' } }],
];

const EMPTY: Array<[string, unknown]> = [
  ['missing', undefined],
  ['null', null],
  ['""', ''],
];

/** Runs one rule on `{ x: value, other: "o" }`: the output, or the error as `{ code }` read by field. */
async function runRule(rule: MappingRule, value: unknown): Promise<{ output?: unknown; code?: string }> {
  const document = doc({ lookups: { codes: { entries: { a: 'A' } } }, rules: [rule] });
  const compiled = compileDocument(document);
  const input: Record<string, unknown> = { other: 'o' };
  if (value !== undefined) input.x = value;
  try {
    return { output: await jsonata(compiled.expression).evaluate(input) };
  } catch (thrown) {
    return { code: observeRunError(classifyRunError(thrown, compiled.expression), { compiled, document }).code };
  }
}

describe('transforms on a source with no value', () => {
  it('cover every kind of the registry', () => {
    expect(new Set(ROWS.map(([kind]) => kind))).toEqual(new Set(Object.keys(TRANSFORMS)));
  });

  for (const [kind, row] of ROWS) {
    for (const [name, value] of EMPTY) {
      it(`${kind} ${JSON.stringify(row.node)} on ${name}`, async () => {
        const outcome = (name === 'missing' ? row.outcome : (row.emptyOutcome ?? row.outcome)) ?? 'policy';
        const sources = row.sources ?? ['x'];
        const rule = (required: MappingRule['required']) => ({ target: 'y', sources, transforms: [row.node], required, ...(required === 'default' ? { default: 'D' } : {}) }) as MappingRule;
        const required = await runRule(rule('error'), value);
        const omitted = await runRule(rule('omit'), value);
        const defaulted = await runRule(rule('default'), value);
        if (outcome === 'policy') {
          expect(required).toEqual({ code: 'MAP_REQUIRED_MISSING' });
          expect(omitted).toEqual({ output: {} });
          expect(defaulted).toEqual({ output: { y: 'D' } });
        } else if ('code' in outcome) {
          for (const result of [required, omitted, defaulted]) expect(result).toEqual({ code: outcome.code });
        } else {
          for (const result of [required, omitted, defaulted]) expect(result).toEqual({ output: { y: outcome.value } });
        }
      });
    }
  }
});

describe('a value that is there but wrong', () => {
  const rows: Array<[Record<string, unknown>, unknown]> = [
    [{ kind: 'date', from: 'iso', to: 'dd.MM.yyyy' }, 'soon'],
    [{ kind: 'date', from: 'dd.MM.yyyy', to: 'iso' }, '31.02.2024'],
    [{ kind: 'date', from: 'epoch-ms', to: 'iso' }, '12h'],
    [{ kind: 'date', from: 'epoch-s', to: 'iso' }, 'null'],
    [{ kind: 'parseNumber' }, 'x1'],
    [{ kind: 'parseNumber' }, 'null'],
    [{ kind: 'parseBoolean' }, 'perhaps'],
  ];
  for (const [node, value] of rows) {
    it(`is MAP_INVALID_VALUE for ${JSON.stringify(node)} on ${JSON.stringify(value)}, whatever the policy`, async () => {
      for (const required of ['error', 'omit', 'default'] as const) {
        expect(await runRule({ target: 'y', sources: ['x'], transforms: [node], required, ...(required === 'default' ? { default: 'D' } : {}) } as MappingRule, value)).toEqual({ code: 'MAP_INVALID_VALUE' });
      }
    });
  }
});
