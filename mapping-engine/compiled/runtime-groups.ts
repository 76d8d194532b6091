/**
 * Grouped arrays, run parameters and the input's records for the compiled
 * engine (see compiler/compile-document.ts `writeMemberArray`): members
 * grouped by a text key in the order jsonata's group-by object gives them,
 * a group's records as the sequence its fields read over, parameters from
 * the run's bindings. Same contract as runtime.ts.
 */
import { Bail } from './runtime';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** One group: its key and its members in order. */
export interface Group<T> {
  key: string;
  items: T[];
}

/**
 * `items{key: [$]}` then `$each`: members with the same key in one group,
 * groups in the key order of jsonata's group object (a null-prototype
 * object: integer-like keys first, then first appearance). A member without
 * a key is left out; a key that is not text is jsonata's error.
 */
export function group<T>(items: readonly T[], key: (item: T) => unknown): Array<Group<T>> {
  const groups = Object.create(null) as Record<string, T[]>;
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    if (typeof k !== 'string' || k === '_jsonata_lambda' || k === '_jsonata_function') bail('group key that is not text');
    const members = groups[k];
    if (members) members.push(item);
    else groups[k] = [item];
  }
  return Object.keys(groups).map((k) => ({ key: k, items: groups[k]! }));
}

/** How a document declares one parameter: the default, or the time of the run. */
export interface ParameterSpec {
  default?: unknown;
  now?: boolean;
}

/**
 * `$param_<name>`: the run's binding, else the declared default (no bindings
 * is jsonata evaluated without any: every parameter takes its default). A
 * parameter defaulting to the time of the run is jsonata's `$now()` when the
 * run did not set it; the hosts pin it (engine-selection.ts `runBindings`),
 * and where one did not, it bails.
 */
export function param(bindings: Record<string, unknown> | undefined, binding: string, spec: ParameterSpec): unknown {
  const value = bindings !== undefined && Object.prototype.hasOwnProperty.call(bindings, binding) ? bindings[binding] : undefined;
  if (value !== undefined) return value;
  if (spec.now) return bail('parameter set to the time of the run');
  return spec.default;
}

/** `$count($) = 0 ? $error("INPUT_NO_RECORDS...")`: an input without records bails, and jsonata raises the error. */
export function records(input: unknown): void {
  if (input === undefined || (Array.isArray(input) && input.length === 0)) bail('input without records');
}

/**
 * An input that is an empty list bails: jsonata's object constructor adds an
 * undefined item to an empty input to build a literal object, and when the
 * top block binds a table of rows (objects inside an object) it does so to
 * the input itself, which then maps as one record without fields.
 */
export function notEmptyList(input: unknown): void {
  if (Array.isArray(input) && input.length === 0) bail('empty list as input with a table of rows');
}
