/** Test helper: evaluates one compiled transform with the real jsonata package. */
import jsonata from 'jsonata';
import { ZONE_HELPER } from './date-zones';
import { INVALID_HELPER } from './invalid-value';
import { NUMBER_HELPER } from './number-text';
import { PRESENT_HELPER } from './present-value';
import { compileTransform } from './registry';
import { transformNodeSchema } from './transform-node';
import type { TransformContext } from './types';

/** A context as the compiler gives it, with one lookup table bound at `$table_<name>`. */
/** Every helper the top block can bind, as one block's opening lines. */
export const TEST_HELPERS = [...INVALID_HELPER, ...NUMBER_HELPER, ...PRESENT_HELPER, ...ZONE_HELPER].join('\n');

export const TEST_CONTEXT: TransformContext = { field: 'target.field', tableVariable: (name) => `$table_${name}` };

/**
 * Compiles `raw` (validated, defaults applied) on the input path `value` and
 * evaluates it on `{ value }`, inside a block binding the `$invalid`,
 * `$toNumber`, `$present` and `$zoneOffset` helpers as the compiler's top block does.
 */
export async function run(raw: unknown, value: unknown, bindings: Record<string, unknown> = {}): Promise<unknown> {
  const node = transformNodeSchema.parse(raw);
  const text = compileTransform(node, 'value', TEST_CONTEXT);
  return jsonata(`(\n${TEST_HELPERS}\n${text}\n)`).evaluate(value === undefined ? {} : { value }, bindings);
}
