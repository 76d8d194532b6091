/**
 * A generated project at the canvas's budget size: a JSON Schema source and
 * target of `groups` groups of `fields` string fields each (2,130 fields a
 * side by default), the first `arrays` groups lists with an array context
 * each, and `rules` rules linking a source field to a target field, 30% of
 * them through a transform (every twentieth through two). Deterministic: the
 * same options give the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sizes of the generated project. */
export interface CanvasProjectOptions {
  groups: number;
  fields: number;
  rules: number;
  arrays: number;
}

/** The budget size: 30 x 70 fields a side (plus the groups), 500 links, 4 array contexts. */
export const CANVAS_BUDGET: CanvasProjectOptions = { groups: 30, fields: 70, rules: 500, arrays: 4 };

const groupName = (g: number) => `grp${String(g).padStart(2, '0')}`;
const fieldName = (side: 'src' | 'tgt', f: number) => `${side}${String(f).padStart(3, '0')}`;

/** The JSON Schema of one side. */
export function sideSchema(side: 'src' | 'tgt', options: CanvasProjectOptions): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let g = 0; g < options.groups; g++) {
    const fields = Object.fromEntries(Array.from({ length: options.fields }, (_, f) => [fieldName(side, f), { type: 'string' }]));
    const group = { type: 'object', properties: fields };
    properties[groupName(g)] = g < options.arrays ? { type: 'array', items: group } : group;
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties };
}

/** The mapping document (plain JSON). */
export function canvasDocument(options: CanvasProjectOptions): Record<string, unknown> {
  const arrays = Array.from({ length: options.arrays }, (_, g) => ({ target: groupName(g), source: groupName(g) }));
  const rules = Array.from({ length: options.rules }, (_, k) => {
    const g = k % options.groups;
    const f = Math.floor(k / options.groups) % options.fields;
    // A target field reads a different source field of the same group (lines cross, as in real maps).
    const from = (f * 7 + 3) % options.fields;
    const inContext = g < options.arrays;
    const source = inContext ? fieldName('src', from) : `${groupName(g)}.${fieldName('src', from)}`;
    const transforms = k % 10 < 3 ? [{ kind: 'trim' }, ...(k % 20 === 0 ? [{ kind: 'case', mode: 'upper' }] : [])] : [];
    return { target: `${groupName(g)}.${fieldName('tgt', f)}`, sources: [source], ...(transforms.length > 0 ? { transforms } : {}) };
  });
  return {
    formatVersion: 1,
    name: `Canvas budget (${options.rules} links)`,
    source: { format: 'json', schema: { file: 'source.schema.json' } },
    target: { format: 'json', schema: { file: 'target.schema.json' } },
    arrays,
    rules,
  };
}

/** Fields one side has (groups included). */
export function fieldCount(options: CanvasProjectOptions): number {
  return options.groups * (options.fields + 1);
}

/** Writes the project into `dir`; returns the project file's path. */
export function writeCanvasProject(dir: string, options: CanvasProjectOptions = CANVAS_BUDGET): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'source.schema.json'), JSON.stringify(sideSchema('src', options)));
  writeFileSync(join(dir, 'target.schema.json'), JSON.stringify(sideSchema('tgt', options)));
  const file = join(dir, 'canvas-budget.mapwright.json');
  writeFileSync(file, `${JSON.stringify(canvasDocument(options), null, 2)}\n`);
  return file;
}
