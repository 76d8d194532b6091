/**
 * Compiled types -> SchemaField tree. Every occurrence of a type gets fresh
 * field objects (nothing mutable is shared). Occurrence bounds multiply down
 * through nested groups, so a repeating sequence makes its elements repeating
 * and an optional one makes them optional. Recursion is cut at the second
 * occurrence of a type on a path; `maxDepth` and `maxFields` bound the rest.
 */
import { MapwrightError } from '../../errors';
import { makeField, type SchemaField } from '../model';
import type { AttributeUse, CompiledType, ElementDecl, ModelGroup, Occurs, Particle, SimpleInfo } from './xsd-model';

/** Limits of one tree build. */
export interface TreeLimits {
  /** Elements deeper than this (root element = 1) are cut like recursive ones. */
  maxDepth: number;
  /** Total fields allowed before the build fails with `LIMIT_EXCEEDED`. */
  maxFields: number;
}

interface BuildState {
  limits: TreeLimits;
  /** Complex-type keys on the current path. */
  onPath: Set<string>;
  fields: number;
  file: string;
  /** Some element was cut by `maxDepth` (not by recursion): a deeper build would show more. */
  depthCut: boolean;
}

/** Children collected for one parent: first occurrence of a name wins, later ones merge into it. */
class ChildList {
  readonly byName = new Map<string, SchemaField>();
  open = false;

  /** `alternative`: the two come from different branches of one choice, so a clash is not a repetition. */
  add(field: SchemaField, alternative: boolean): void {
    const existing = this.byName.get(field.name);
    if (!existing) {
      this.byName.set(field.name, field);
      return;
    }
    if (alternative) {
      existing.repeating ||= field.repeating;
      // Absent maxOccurs means unbounded: the wider alternative wins.
      const max = Math.max(existing.maxOccurs ?? Infinity, field.maxOccurs ?? Infinity);
      if (Number.isFinite(max)) existing.maxOccurs = max;
      else delete existing.maxOccurs;
      return;
    }
    existing.repeating = true;
    existing.required ||= field.required;
    delete existing.maxOccurs;
  }
}

function applySimple(field: SchemaField, simple: SimpleInfo): void {
  field.type = simple.type;
  if (simple.format !== undefined) field.format = simple.format;
  if (simple.enum) field.enum = [...simple.enum];
  if (simple.pattern !== undefined) field.pattern = simple.pattern;
  if (simple.maxLength !== undefined) field.maxLength = simple.maxLength;
  if (simple.facets) field.facets = { ...simple.facets };
}

function simpleOrigin(simple: SimpleInfo): SchemaField['origin'] {
  return simple.ref === undefined ? { kind: 'xsd', file: simple.file } : { kind: 'xsd', file: simple.file, ref: simple.ref };
}

function count(state: BuildState): void {
  state.fields++;
  if (state.fields > state.limits.maxFields) {
    throw new MapwrightError('LIMIT_EXCEEDED', `the schema tree has more than ${state.limits.maxFields} fields`, {
      file: state.file,
      expected: 'a smaller root element, or a lower maxDepth',
    });
  }
}

function attributeField(use: AttributeUse, parentPath: readonly string[], state: BuildState): SchemaField {
  count(state);
  const name = `@${use.name}`;
  const field = makeField({ name, path: [...parentPath, name], type: 'string', required: use.required, origin: simpleOrigin(use.simple) });
  applySimple(field, use.simple);
  field.xml = use.ns === undefined ? { kind: 'attribute' } : { kind: 'attribute', namespace: use.ns };
  if (use.description !== undefined) field.description = use.description;
  return field;
}

function textField(simple: SimpleInfo, parentPath: readonly string[], required: boolean, state: BuildState): SchemaField {
  count(state);
  const field = makeField({ name: '#text', path: [...parentPath, '#text'], type: 'string', required, origin: simpleOrigin(simple) });
  applySimple(field, simple);
  field.xml = { kind: 'text' };
  return field;
}

/** The rule of the content when it is one xs:choice between several alternatives (through one-item sequences), else undefined. */
function soleChoice(group: ModelGroup): SchemaField['choiceRule'] {
  let current: Particle = group;
  let min = 1;
  while (current.kind === 'sequence' && current.items.length === 1 && current.max <= 1) {
    min *= current.min;
    current = current.items[0] as Particle;
  }
  if (current.kind !== 'choice' || current.items.length < 2 || current.max > 1) return undefined;
  return { min: Math.min(min * current.min, 1), singleElements: current.items.every((item) => item.kind === 'element') };
}

function expandParticle(particle: Particle, factor: Occurs, parentPath: readonly string[], state: BuildState, out: ChildList, alternative: boolean): void {
  const occurs = { min: factor.min * particle.min, max: factor.max * particle.max };
  if (occurs.max === 0) return;
  if (particle.kind === 'any') {
    out.open = true;
    return;
  }
  if (particle.kind === 'element') {
    out.add(buildElementField(particle.decl, occurs, parentPath, state), alternative);
    return;
  }
  if (particle.kind !== 'choice' || particle.items.length < 2) {
    for (const item of particle.items) expandParticle(item, occurs, parentPath, state, out, false);
    return;
  }
  // Alternatives: none of them is required, and a clash between branches is not a repetition.
  const branches = new ChildList();
  for (const item of particle.items) expandParticle(item, { min: 0, max: occurs.max }, parentPath, state, branches, true);
  for (const field of branches.byName.values()) out.add(field, alternative);
  out.open ||= branches.open;
}

function complexChildren(field: SchemaField, type: CompiledType, state: BuildState): void {
  const children: SchemaField[] = type.attributes.map((use) => attributeField(use, field.path, state));
  if (type.mixed) children.push(textField({ type: 'string', file: type.file }, field.path, false, state));
  if (type.content) {
    const list = new ChildList();
    expandParticle(type.content, { min: 1, max: 1 }, field.path, state, list, false);
    children.push(...list.byName.values());
    if (list.open) field.open = true;
    const rule = soleChoice(type.content);
    if (rule) {
      field.choice = true;
      field.choiceRule = rule;
    }
  }
  if (type.anyAttribute) field.open = true;
  field.children = children;
}

/** Builds the field of one element occurrence (`occurs` already multiplied by the enclosing groups). */
function buildElementField(decl: ElementDecl, occurs: Occurs, parentPath: readonly string[], state: BuildState): SchemaField {
  count(state);
  const type = decl.type();
  const path = [...parentPath, decl.name];
  const origin: SchemaField['origin'] = type.ref === undefined ? { kind: 'xsd', file: type.file } : { kind: 'xsd', file: type.file, ref: type.ref };
  const field = makeField({ name: decl.name, path, type: 'object', origin, required: occurs.min >= 1, repeating: occurs.max > 1 });
  field.minOccurs = occurs.min;
  if (Number.isFinite(occurs.max)) field.maxOccurs = occurs.max;
  if (decl.nillable) field.nullable = true;
  const description = decl.description ?? type.description;
  if (description !== undefined) field.description = description;
  field.xml = decl.ns === undefined ? { kind: 'element' } : { kind: 'element', namespace: decl.ns };
  if (type.anyType) {
    field.type = 'any';
    field.open = true;
  } else if (type.simple && type.attributes.length === 0) {
    applySimple(field, type.simple);
  } else if (type.simple) {
    field.xml.simpleContent = true;
    field.children = [textField(type.simple, path, true, state), ...type.attributes.map((use) => attributeField(use, path, state))];
    if (type.anyAttribute) field.open = true;
  } else if (state.onPath.has(type.key)) {
    field.recursive = true;
  } else if (path.length > state.limits.maxDepth) {
    field.recursive = true;
    state.depthCut = true;
  } else {
    state.onPath.add(type.key);
    complexChildren(field, type, state);
    state.onPath.delete(type.key);
  }
  return field;
}

/** A built root element and whether `maxDepth` cut anything. */
export interface BuiltTree {
  element: SchemaField;
  depthCut: boolean;
  fields: number;
}

/** Builds the tree of the root element `decl`, which is always required and single. */
export function buildRootElement(decl: ElementDecl, limits: TreeLimits, file: string): BuiltTree {
  const state: BuildState = { limits, onPath: new Set(), fields: 0, file, depthCut: false };
  const element = buildElementField(decl, { min: 1, max: 1 }, [], state);
  return { element, depthCut: state.depthCut, fields: state.fields };
}
