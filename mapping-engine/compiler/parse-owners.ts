/**
 * Which field an error about number text is attributed to. jsonata builds
 * an object's fields concurrently (`Promise.all` over the keys), so when a
 * bad amount (`129,90` read with a `.` decimal) is read by several fields,
 * the error comes from whichever fails first: an order total summing every
 * line, a control sum over a group, a line amount multiplying two sources,
 * not the line's own `unitPrice`. So every read of a value that another
 * rule parses directly (its one source, parseNumber first, same format)
 * raises that rule's error: its label and the record of the element
 * holding the value. Whichever field fails first, the message is the same
 * and names the field whose own expression reads the value.
 *
 * Three ways a rule reads a value another rule owns:
 * - several sources parsed as a list (`[quantity, price]`) beside rules
 *   parsing each of them (`sources`);
 * - an aggregate reading number text of a sibling array's elements
 *   (`aggregate`: sum of quantity times price over `order.line_items`);
 * - one source reaching into a sibling array's elements (`items`: `Betrag`
 *   over all rows, or over a group's members), parsed, then summed.
 * An owner must see every element the reading rule sees: an array with a
 * filter never owns, and a group's members own only when the group is of
 * the input's records (elsewhere their record names the group, which the
 * reading rule cannot name).
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import { splitPath } from '../transforms/jsonata-text';
import type { NodeOf, TransformNode } from '../transforms/transform-node';
import { compileSource } from './compile-rule';
import { itemRecordBinding, recordInScope } from './record-label';
import type { TargetNode } from './target-tree';

/** The field a read is attributed to and the JSONata text naming the record (undefined: the reading rule's own `$record`). */
export interface ParseOwner {
  label: string;
  record?: string;
}

/** How one rule's number reads are attributed (see the module comment). */
export type RuleOwners =
  | { kind: 'sources'; owners: Array<ParseOwner | undefined> }
  /** Per item field of the aggregate (`quantity`, `price`); the record text reads the item as `$i` and its 0-based place as `$n`. */
  | { kind: 'aggregate'; owners: Record<string, ParseOwner> }
  /** `items` (JSONata) are the elements with their 0-based place bound as `$n` where the record reads it, `value` the owned value read in each, `owner.record` reads the element as the context. */
  | { kind: 'items'; items: string; value: string; owner: ParseOwner };

interface Format {
  decimal: string;
  thousands: string;
}

interface PlacedRule {
  rule: MappingRule;
  label: string;
}

interface PlacedArray {
  node: Extract<TargetNode, { kind: 'array' }>;
  label: string;
}

/** What one element (or the root object) holds: its fields and arrays, through nested objects. */
interface Scope {
  fields: PlacedRule[];
  arrays: PlacedArray[];
}

function scopeOf(children: readonly TargetNode[], label: string, out: Scope = { fields: [], arrays: [] }): Scope {
  for (const node of children) {
    const here = label ? `${label}.${node.name}` : node.name;
    if (node.kind === 'field') out.fields.push({ rule: node.rule, label: here });
    else if (node.kind === 'object') scopeOf(node.children, here, out);
    else out.arrays.push({ node, label: `${here}[]` });
  }
  return out;
}

/** The source and format of a rule that parses its one source directly, with an error on bad text. */
function directParse(rule: MappingRule): { source: string; format: Format } | undefined {
  const first = rule.transforms[0];
  if (rule.sources.length !== 1 || first?.kind !== 'parseNumber' || first.onInvalid === 'omit') return undefined;
  return { source: rule.sources[0]!, format: { decimal: first.decimalSeparator, thousands: first.thousandsSeparator } };
}

function ownerIn(scope: Scope, source: string, format: Format, except?: MappingRule): PlacedRule | undefined {
  return scope.fields.find((f) => {
    if (f.rule === except) return false;
    const direct = directParse(f.rule);
    return direct !== undefined && direct.source === source && direct.format.decimal === format.decimal && direct.format.thousands === format.thousands;
  });
}

/** A plain path read inside an element (`sku`, `a.b`), not one reaching out of it or a variable. */
function plainPath(path: string): boolean {
  return path !== '.' && !path.startsWith('/') && !path.startsWith('../') && !path.startsWith('$');
}

/** The path of `source` below `base` (`order.line_items.price` below `order.line_items` is `price`; below `.` it is itself). */
function below(source: string, base: string): string | undefined {
  if (!plainPath(source)) return undefined;
  if (base === '.') return source;
  if (!plainPath(base)) return undefined;
  try {
    const names = splitPath(source);
    const head = splitPath(base);
    if (names.length <= head.length || head.some((n, i) => names[i] !== n)) return undefined;
    return names.slice(head.length).join('.');
  } catch {
    return undefined;
  }
}

/** An array whose elements are all of its source's items, each named by its place there. */
function ownsAll(ctx: ArrayContext): boolean {
  return ctx.filter === undefined && ctx.groupBy === undefined && (ctx.recordKey === undefined || plainPath(ctx.recordKey));
}

/**
 * The record text of an element of `ctx` (array at element depth `depth`),
 * as the array binds it (see record-label.ts and compile-document.ts),
 * reading the element's key through `element` (`$i.` or ``) and its place
 * from `position`; `inputRecord`: the element is one of the input's
 * records, named by the document's key when it has one.
 */
function elementRecord(doc: MappingDocument, ctx: ArrayContext, depth: number, element: string, position: string, outer: boolean, inputRecord: boolean, label: string): string {
  const key = ctx.recordKey === undefined ? undefined : `${element}${compileSource(ctx.recordKey, depth, label)}`;
  const rootKey = inputRecord && doc.recordKey !== undefined ? { key: doc.recordKey, expression: `${element}${compileSource(doc.recordKey, depth, label)}`, ...(doc.recordLabel === undefined ? {} : { label: doc.recordLabel }) } : undefined;
  const binding = itemRecordBinding(ctx, depth, key, outer, position, rootKey);
  return binding.slice('$record := '.length, -1);
}

/** Whether the elements of `ctx` (an array in element depth `depth`) are the input's records, named by the document's key. */
function inputRecordsOf(ctx: ArrayContext, depth: number): boolean {
  return depth === 0 && ctx.source === '.';
}

/** Whether the members of a group (`groupContext`, an array in element depth `groupDepth`) are named as records of the input. */
export function inputRecordMembers(groupContext: ArrayContext | undefined, groupDepth: number): boolean {
  return groupContext !== undefined && groupDepth === 0 && groupContext.source === '.';
}

function aggregateOwners(doc: MappingDocument, scope: Scope, rule: MappingRule, depth: number): RuleOwners | undefined {
  const first = rule.transforms[0];
  if (first?.kind !== 'aggregate' || rule.sources.length !== 1) return undefined;
  const agg = first as NodeOf<'aggregate'>;
  if (agg.field === undefined || (agg.decimalSeparator === undefined && agg.thousandsSeparator === undefined)) return undefined;
  const format = { decimal: agg.decimalSeparator ?? '.', thousands: agg.thousandsSeparator ?? '' };
  const array = scope.arrays.find((a) => a.node.context.source === rule.sources[0] && a.node.context.source !== '$items' && ownsAll(a.node.context));
  if (!array) return undefined;
  const inner = scopeOf(array.node.children, array.label);
  const owners: Record<string, ParseOwner> = {};
  for (const field of [agg.field, agg.times]) {
    if (field === undefined) continue;
    const owner = ownerIn(inner, field, format);
    if (owner) owners[field] = { label: owner.label, record: elementRecord(doc, array.node.context, depth + 1, '$i.', '$n', recordInScope(doc, depth), inputRecordsOf(array.node.context, depth), array.label) };
  }
  return Object.keys(owners).length > 0 ? { kind: 'aggregate', owners } : undefined;
}

function itemOwners(doc: MappingDocument, scope: Scope, rule: MappingRule, depth: number, grouped: ArrayContext | undefined, groupDepth: number): RuleOwners | undefined {
  const direct = directParse(rule);
  if (!direct) return undefined;
  for (const array of scope.arrays) {
    const ctx = array.node.context;
    // Inside a group: the members of the group, each with its place in the source.
    if (ctx.source === '$items' && grouped !== undefined && ownsAll(ctx) && plainPath(direct.source)) {
      const owner = ownerIn(scopeOf(array.node.children, array.label), direct.source, direct.format);
      if (!owner) continue;
      const input = inputRecordMembers(grouped, groupDepth);
      const value = `item.${compileSource(direct.source, depth + 1, rule.target)}`;
      return { kind: 'items', items: '$members', value, owner: { label: owner.label, record: elementRecord(doc, ctx, depth + 1, 'item.', 'at', !input && recordInScope(doc, depth), input, array.label) } };
    }
    if (ctx.source === '$items' || ctx.filter !== undefined) continue;
    const field = below(direct.source, ctx.source);
    if (field === undefined) continue;
    if (ctx.groupBy === undefined) {
      if (!ownsAll(ctx)) continue;
      const owner = ownerIn(scopeOf(array.node.children, array.label), field, direct.format);
      if (owner) {
        const record = elementRecord(doc, ctx, depth + 1, '', '$n', recordInScope(doc, depth), inputRecordsOf(ctx, depth), array.label);
        return { kind: 'items', items: `${compileSource(ctx.source, depth, rule.target)}#$n`, value: compileSource(field, depth + 1, rule.target), owner: { label: owner.label, record } };
      }
      continue;
    }
    // A group of the input's records: its members are named by their place in the input, which this rule can name too.
    if (!inputRecordMembers(ctx, depth)) continue;
    const groupScope = scopeOf(array.node.children, array.label);
    for (const members of groupScope.arrays) {
      if (members.node.context.source !== '$items' || !ownsAll(members.node.context)) continue;
      const owner = ownerIn(scopeOf(members.node.children, members.label), field, direct.format);
      if (!owner) continue;
      const record = elementRecord(doc, members.node.context, depth + 2, '', '$n', false, true, members.label);
      return { kind: 'items', items: '$#$n', value: compileSource(field, depth + 2, rule.target), owner: { label: owner.label, record } };
    }
  }
  return undefined;
}

function sourceOwners(scope: Scope, rule: MappingRule): RuleOwners | undefined {
  const first = rule.transforms[0];
  if (rule.sources.length < 2 || first?.kind !== 'parseNumber' || first.onInvalid === 'omit') return undefined;
  const format = { decimal: first.decimalSeparator, thousands: first.thousandsSeparator };
  const owners = rule.sources.map((s): ParseOwner | undefined => {
    const owner = ownerIn(scope, s, format, rule);
    return owner ? { label: owner.label } : undefined;
  });
  return owners.some((o) => o !== undefined) ? { kind: 'sources', owners } : undefined;
}

function walk(doc: MappingDocument, children: readonly TargetNode[], depth: number, label: string, grouped: ArrayContext | undefined, groupDepth: number, out: Map<MappingRule, RuleOwners>): void {
  const scope = scopeOf(children, label);
  for (const { rule } of scope.fields) {
    const owners = sourceOwners(scope, rule) ?? aggregateOwners(doc, scope, rule, depth) ?? itemOwners(doc, scope, rule, depth, grouped, groupDepth);
    if (owners) out.set(rule, owners);
  }
  for (const array of scope.arrays) {
    const ctx = array.node.context;
    walk(doc, array.node.children, depth + 1, array.label, ctx.groupBy !== undefined ? ctx : undefined, depth, out);
  }
}

/** The rules of `doc` (target tree `tree`) whose number reads another rule owns, with those owners. */
export function parseOwners(doc: MappingDocument, tree: Extract<TargetNode, { children: TargetNode[] }>): Map<MappingRule, RuleOwners> {
  const out = new Map<MappingRule, RuleOwners>();
  if (tree.kind === 'array') walk(doc, tree.children, 1, '', tree.context.groupBy !== undefined ? tree.context : undefined, 0, out);
  else walk(doc, tree.children, 0, '', undefined, 0, out);
  return out;
}

/** Whether `node` is a transform whose number reads {@link RuleOwners} can attribute. */
export function ownedFirst(node: TransformNode | undefined): boolean {
  return node?.kind === 'parseNumber' || node?.kind === 'aggregate';
}
