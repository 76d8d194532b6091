/**
 * The missing-value policy a new rule starts with, from what the target
 * schema says about its field. A field the schema demands whenever its
 * record (or list item) is written starts as `error`, so an empty source
 * stops the record with MAP_REQUIRED_MISSING instead of writing output that
 * breaks the schema; any other field starts as `omit`.
 *
 * "Demands" means: the field is required, and so is every object around it
 * up to the nearest list item (or the root). A required field of an optional
 * object is not demanded: when nothing fills the object it is left out, and
 * the output is valid, so `error` would stop records that are fine. Items of
 * a list exist only when the source has items, so a required field of an
 * item is demanded whether or not the list itself is required.
 */
import type { SchemaField } from '../../schema/model';
import type { RequiredPolicy } from './edit-types';

/** A target field's levels from the root: for each name, whether the schema requires and repeats that level. */
export interface FieldLevels {
  requires: readonly boolean[];
  repeats: readonly boolean[];
}

/** Whether the schema demands a value for the field of `levels` whenever its record or list item is written. */
export function schemaDemands(levels: FieldLevels): boolean {
  const { requires, repeats } = levels;
  const last = requires.length - 1;
  if (last < 0 || requires[last] !== true) return false;
  // The field itself may repeat (a required list of values); only the objects above it matter here.
  for (let i = last - 1; i >= 0; i--) {
    if (repeats[i] === true) return true;
    if (requires[i] !== true) return false;
  }
  return true;
}

/** The policy a new rule on the field of `levels` starts with: `error` when the schema demands it, else `omit`. */
export function initialPolicy(levels: FieldLevels | undefined): Extract<RequiredPolicy, 'omit' | 'error'> {
  return levels !== undefined && schemaDemands(levels) ? 'error' : 'omit';
}

/** The levels of the field at `names` below `root` (a schema tree); undefined when the schema has no such field. */
export function schemaLevels(root: SchemaField, names: readonly string[]): FieldLevels | undefined {
  const requires: boolean[] = [];
  const repeats: boolean[] = [];
  let current = root;
  for (const name of names) {
    const next = current.children?.find((c) => c.name === name);
    if (!next) return undefined;
    requires.push(next.required);
    repeats.push(next.repeating);
    current = next;
  }
  return { requires, repeats };
}
