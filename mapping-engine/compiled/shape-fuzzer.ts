/**
 * A seeded shape fuzzer for the differential test of the compiled engine:
 * takes real records and changes a few of their values into the shapes
 * where jsonata's semantics are easy to get wrong (see
 * ../shared/design/compiled-engine.md): missing, null, empty, singleton and
 * nested arrays, numeric strings, whitespace, emoji, date edge cases,
 * numbers near rounding ties and 1e21. The same seed gives the same records.
 */
import { seededRandom } from '../../tests/helpers/seeded-random';

/** Values that replace a field's value; `KEEP` wraps or keeps the original, `DROP` deletes the field. */
const DROP = Symbol('drop');
const SHAPES: Array<unknown | ((v: unknown) => unknown)> = [
  DROP,
  null,
  '',
  ' ',
  '  padded\t text \n',
  '😀 emoji ünïcödé',
  'x😀',
  '12.50',
  '1.234,50',
  '-0',
  '1e21',
  '007',
  0,
  -0,
  2.5,
  -2.5,
  0.125,
  2.675,
  1.005,
  733.3199999999999,
  // Factors of products near rounding ties (0.7 x 0.05, 3 x 1.005), a 16-digit whole number.
  0.035,
  3.015,
  0.7,
  0.05,
  -1.005,
  12.333,
  1234567890123457,
  1e21,
  123456789012345680000,
  -1,
  true,
  false,
  '2024-02-29',
  '2023-02-29',
  '1999-12-31',
  '0999-01-01',
  '2024-13-01',
  '29.02.2024',
  '31.02.2023',
  '01.01.1000',
  '2024-01-01T24:00:00Z',
  '2024-06-30T23:59:59.999+02:00',
  'ACC-ACC-1',
  'a b  c',
  'A',
  'email',
  {},
  [],
  (v: unknown) => [v],
  (v: unknown) => [v, v],
  (v: unknown) => [[v]],
  (v: unknown) => [v, null],
  (v: unknown) => (typeof v === 'string' ? ` ${v} ` : v),
  (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v),
  (v: unknown) => (typeof v === 'number' ? String(v) : v),
  (v: unknown) => (typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v),
];

type Container = Record<string, unknown> | unknown[];

/** Every place in `value` (object member or array item) with its container, depth first. */
function places(value: unknown, out: Array<{ container: Container; key: string | number }> = []): typeof out {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push({ container: value, key: i });
      places(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ container: value as Record<string, unknown>, key });
      places(item, out);
    }
  }
  return out;
}

function shaped(shape: unknown, original: unknown): unknown {
  return typeof shape === 'function' ? (shape as (v: unknown) => unknown)(original) : structuredClone(shape);
}

/** One record with 1 to 3 of its values (at any depth) changed into a tricky shape. */
export function mutateRecord(record: unknown, random: () => number): unknown {
  const copy = structuredClone(record);
  const changes = 1 + Math.floor(random() * 3);
  for (let i = 0; i < changes; i++) {
    const all = places(copy);
    if (all.length === 0) break;
    const { container, key } = all[Math.floor(random() * all.length)]!;
    const shape = SHAPES[Math.floor(random() * SHAPES.length)];
    if (shape === DROP) {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (Array.isArray(container)) {
      container[key as number] = shaped(shape, container[key as number]);
    } else {
      container[key as string] = shaped(shape, container[key as string]);
    }
  }
  return copy;
}

/**
 * `count` fuzzed inputs from `records` (seeded): each a chunk of a few
 * records of which some are mutated, or (for a single-payload mapping) one
 * mutated payload. Now and then a chunk holds a record that is not an
 * object at all, or is empty.
 */
export function fuzzInputs(records: readonly unknown[], seed: number, count: number, perRecord: boolean): unknown[] {
  const random = seededRandom(seed);
  const pick = (): unknown => records[Math.floor(random() * records.length)];
  const inputs: unknown[] = [];
  for (let i = 0; i < count; i++) {
    if (!perRecord) {
      inputs.push(mutateRecord(pick(), random));
      continue;
    }
    const size = Math.floor(random() * 4);
    const chunk: unknown[] = [];
    for (let j = 0; j < size; j++) chunk.push(random() < 0.7 ? mutateRecord(pick(), random) : structuredClone(pick()));
    if (random() < 0.05) chunk.push(random() < 0.5 ? null : [pick()]);
    inputs.push(chunk);
  }
  return inputs;
}
