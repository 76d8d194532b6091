/**
 * Leaving `$text` out (text-wraps.ts) changes no field's value: every chain
 * of two and three text transforms (and a few others around them) under
 * every required policy is compiled as now and as earlier versions wrote it
 * (every input wrapped), and where the two texts differ both run with
 * jsonata on inputs a source can hold: missing, null, "", blanks, numbers,
 * booleans, lists and records. Values and error messages must be the same.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileRule, POLICY_HELPERS } from '../compiler/compile-rule';
import type { MappingRule } from '../document/document-schema';
import { ZONE_HELPER } from './date-zones';
import { INVALID_HELPER } from './invalid-value';
import { NUMBER_HELPER } from './number-text';
import { PRESENT_HELPER } from './present-value';
import { textInputs } from './text-wraps';
import { transformNodeSchema, type TransformNode } from './transform-node';

const HELPER_LINES = [...Object.values(POLICY_HELPERS).flat(), ...INVALID_HELPER, ...NUMBER_HELPER, ...PRESENT_HELPER, ...ZONE_HELPER];
const HELPER_NAMES = HELPER_LINES.flatMap((line) => /^\$(\w+) := function/.exec(line)?.slice(1) ?? []);

/** The helpers as the top block binds them, made once and passed to each field's text as bindings (parsing them per chain took most of the time). */
async function helperBindings(): Promise<Record<string, unknown>> {
  const text = `(\n${HELPER_LINES.join('\n')}\n{${HELPER_NAMES.map((n) => `"${n}": $${n}`).join(', ')}}\n)`;
  return (await jsonata(text).evaluate({})) as Record<string, unknown>;
}

const node = (raw: Record<string, unknown>): TransformNode => transformNodeSchema.parse(raw);

/** Text transforms with parameters that reach "" and no value, and kinds that read "" otherwise than no value. */
const NODES: Record<string, TransformNode> = {
  trim: node({ kind: 'trim' }),
  upper: node({ kind: 'case', mode: 'upper' }),
  title: node({ kind: 'case', mode: 'title' }),
  pad: node({ kind: 'pad', width: 4, char: '0' }),
  dropA: node({ kind: 'replace', pattern: 'a', replacement: '' }),
  dropWords: node({ kind: 'replace', pattern: '\\S+', replacement: '', regex: true }),
  middle: node({ kind: 'substring', start: 1, length: 2 }),
  first: node({ kind: 'split', separator: ' ', index: 0 }),
  last: node({ kind: 'split', separator: ' ', index: -1 }),
  parts: node({ kind: 'split', separator: ' ' }),
  date: node({ kind: 'date', from: 'yyyy-MM-dd', to: 'dd.MM.yyyy' }),
  valueMap: node({ kind: 'valueMap', entries: { A: 'alpha', '': 'blank' }, onUnknown: 'keep' }),
  orDash: node({ kind: 'default', value: '-' }),
  concat: node({ kind: 'concat', separator: '+' }),
};

/** What a source can hold. */
const INPUTS: unknown[] = [undefined, null, '', ' ', '   ', 'a', ' a ', 'A  b a', 'aaa', 'Straße 1', '2025-07-01', 'x y z', 0, 12, -3.5, true, false, [], ['a', ' b'], ['', null], { a: 1 }];

const POLICIES: Array<Pick<MappingRule, 'required' | 'default'>> = [{ required: 'error' }, { required: 'default', default: 'D' }, { required: 'omit' }];

/** Every chain of `length` over `keys`. */
function chains(length: number, keys: readonly string[] = Object.keys(NODES)): string[][] {
  if (length === 0) return [[]];
  return chains(length - 1, keys).flatMap((c) => keys.map((k) => [...c, k]));
}

/** Three-step chains over one kind of each behaviour (all of them would take a quarter of a minute). */
const THREE = ['trim', 'upper', 'pad', 'dropWords', 'first', 'parts', 'date', 'valueMap', 'concat'];

/** The field's value on `input`, or the message it fails with. */
async function outcome(expression: jsonata.Expression, input: unknown, helpers: Record<string, unknown>): Promise<unknown> {
  try {
    return { value: await expression.evaluate(input === undefined ? {} : { x: input }, helpers) };
  } catch (error) {
    return { error: (error as { message?: string }).message };
  }
}

function texts(rule: MappingRule): [string, string] {
  const current = compileRule(rule, 0, 'out');
  const legacy = compileRule(rule, 0, 'out', { keepTextWraps: true });
  return [current, legacy];
}

describe('a chain without the $text that changes nothing', () => {
  it('gives the same value and the same error as the fully wrapped chain on every input', async () => {
    const helpers = await helperBindings();
    let compared = 0;
    for (const chain of [...chains(2), ...chains(3, THREE)]) {
      for (const policy of POLICIES) {
        const rule: MappingRule = { target: 'out', sources: ['x'], transforms: chain.map((k) => NODES[k]!), ...policy };
        const [current, legacy] = texts(rule);
        if (current === legacy) continue;
        compared++;
        const now = jsonata(current);
        const before = jsonata(legacy);
        for (const input of INPUTS) {
          expect(await outcome(now, input, helpers), `${chain.join(' > ')} (${policy.required}) on ${JSON.stringify(input)}\n${current}`).toEqual(await outcome(before, input, helpers));
        }
      }
    }
    // Not vacuous: many chains lose a wrap.
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  it('keeps the last wrap of a bare value (omit without sources): "" and no value differ there', () => {
    const chain = [node({ kind: 'constant', value: ' ' }), NODES.trim!, NODES.upper!];
    expect(compileRule({ target: 'out', sources: [], transforms: chain, required: 'omit' }, 0, 'out')).toBe('$uppercase($text($trim($text(" "))))');
    expect(compileRule({ target: 'out', sources: [], transforms: chain, required: 'error' }, 0, 'out')).toBe('$required($uppercase($trim($text(" "))), "out")');
    expect(compileRule({ target: 'out', sources: ['x'], transforms: chain.slice(1), required: 'omit' }, 0, 'out')).toBe('$omitEmpty($uppercase($trim($text(x))))');
  });

  it('leaves out the wraps the samples had: after pad and case, and after trim where the rest reads "" as no value', () => {
    const at = (keys: string[], end: Parameters<typeof textInputs>[1]) => textInputs(keys.map((k) => NODES[k]!), end);
    expect(at(['pad', 'dropA'], {})).toEqual([false, true]);
    expect(at(['upper', 'dropA'], {})).toEqual([false, true]);
    expect(at(['trim', 'first'], { ignoresEmpty: true })).toEqual([false, true]);
    expect(at(['trim', 'upper'], { ignoresEmpty: true })).toEqual([false, true]);
    // Where the value goes to a value map, a lookup or a bare field, "" is not no value.
    expect(at(['trim', 'upper'], {})).toEqual([false, false]);
    expect(at(['trim', 'upper', 'valueMap'], { ignoresEmpty: true })).toEqual([false, false, false]);
    // Pad makes "" into "0000", and a whole split of "" is [""].
    expect(at(['trim', 'pad'], { ignoresEmpty: true })).toEqual([false, false]);
    expect(at(['trim', 'parts'], { ignoresEmpty: true })).toEqual([false, false]);
    // After a weak drop the text may be "" again: the pad after it keeps its wrap.
    expect(at(['trim', 'upper', 'pad'], { ignoresEmpty: true })).toEqual([false, true, false]);
    expect(at(['pad', 'dropA'], { keepTextWraps: true })).toEqual([false, false]);
  });

  it('writes the sample chains without the outer $text', () => {
    const [crm] = texts({ target: 'out', sources: ['fullName'], transforms: [NODES.trim!, NODES.first!], required: 'error' });
    expect(crm).toBe('$required($split($trim($text(fullName)), " ")[0], "out")');
    const [customer] = texts({ target: 'out', sources: ['id'], transforms: [node({ kind: 'pad', width: 8, char: '0' }), node({ kind: 'replace', pattern: '^([0-9]+)$', replacement: 'K$1', regex: true })], required: 'error' });
    expect(customer).toBe('$required($replace($pad($text(id), -8, "0"), /^([0-9]+)$/, "K$1"), "out")');
  });
});
