/**
 * Rebuilds one mapping rule from the JSONata text computing its field: the
 * required-policy wrapper, the transform chain (outermost first) and the
 * source paths. A rebuilt rule is kept only when it compiles back to exactly
 * the same text (as the compiler writes it now, or as earlier versions wrote
 * it: with `$text` around every text transform's input), so every guess made
 * while reading the AST is checked.
 */
import jsonata from 'jsonata';
import type { MappingRule } from '../../document/document-schema';
import type { Scalar, TransformNode } from '../../transforms/transform-node';
import { compileRule } from '../compile-rule';
import { sourceFromAst, type AstNode } from './reverse-source';
import { peelTransform } from './reverse-transform';

/** Where a field sits: its target path, array nesting and the label its messages use. */
export interface FieldPlace {
  target: string;
  depth: number;
  label: string;
  /** A `$record` is in scope, so a required error passes it on. */
  record?: boolean;
  /** Value maps bound at the top of the expression, by variable name without `$`. */
  valueMaps?: Record<string, Record<string, Scalar>>;
}

/** Stands in for a custom transform's text until its verbatim span is cut out. */
const PLACEHOLDER = '$mapwrightCustomPlaceholder';

function scalarOf(node: AstNode | undefined): Scalar | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'number' || node.type === 'value') return node.value as Scalar;
  // Negative numbers parse as unary minus on older jsonata versions.
  if (node.type === 'unary' && node.value === '-' && (node.expression as AstNode | undefined)?.type === 'number') return -((node.expression as AstNode).value as number);
  return undefined;
}

function policyOf(ast: AstNode): { inner: AstNode; required: MappingRule['required']; default?: Scalar } {
  const count = ast.arguments?.length ?? 0;
  // `$omitEmpty(value)`: the omit policy of a field with sources (a bare value is read as omit too; recompiling tells them apart).
  if (ast.type === 'function' && ast.procedure?.type === 'variable' && ast.procedure.value === 'omitEmpty' && count === 1) return { inner: ast.arguments![0]!, required: 'omit' };
  const args = ast.type === 'function' && ast.procedure?.type === 'variable' && (count === 2 || count === 3) ? ast.arguments : undefined;
  // The third argument of $required is the `$record` in scope; recompiling checks it was written as the compiler would.
  if (args && ast.procedure?.value === 'required') return { inner: args[0]!, required: 'error' };
  if (count !== 2) return { inner: ast, required: 'omit' };
  const fallback = scalarOf(args?.[1]);
  if (args && ast.procedure?.value === 'orDefault' && fallback !== undefined) return { inner: args[0]!, required: 'default', default: fallback };
  return { inner: ast, required: 'omit' };
}

function sourcesOf(node: AstNode, depth: number): string[] | undefined {
  if (node.type === 'block' && node.expressions?.length === 0) return [];
  if (node.type === 'unary' && node.value === '[' && node.expressions && node.expressions.length > 1) {
    const all = node.expressions.map((e) => sourceFromAst(e, depth));
    return all.every((s): s is string => s !== undefined) ? all : undefined;
  }
  const one = sourceFromAst(node, depth);
  return one === undefined ? undefined : [one];
}

/** Variables of the value maps in the chain, by node, as the text named them. */
type MapNames = Map<TransformNode, string>;

/**
 * How the compiler writes a rule: as it does now, or `legacy`, with every text
 * transform's input wrapped in `$text` as earlier versions wrote it
 * (transforms/text-wraps.ts). Both mean the same, so both read back.
 */
type Writing = 'current' | 'legacy';
const WRITINGS: readonly Writing[] = ['current', 'legacy'];

function compiles(rule: MappingRule, place: FieldPlace, maps: MapNames, writing: Writing = 'current'): string | undefined {
  try {
    return compileRule(rule, place.depth, place.label, { record: place.record, valueMapVariable: (n) => maps.get(n), keepTextWraps: writing === 'legacy' });
  } catch {
    return undefined;
  }
}

/** Cuts a custom transform's verbatim text out of `text`, or undefined when the surroundings differ. */
function fillCustom(rule: MappingRule, place: FieldPlace, text: string, maps: MapNames, writing: Writing): MappingRule | undefined {
  const custom = rule.transforms.filter((t) => t.kind === 'custom');
  if (custom.length === 0) return rule;
  if (custom.length > 1) return undefined;
  const probe = { ...rule, transforms: rule.transforms.map((t) => (t.kind === 'custom' ? { kind: 'custom' as const, expression: PLACEHOLDER } : t)) };
  const compiled = compiles(probe, place, maps, writing);
  const at = compiled?.indexOf(PLACEHOLDER) ?? -1;
  if (!compiled || at < 0) return undefined;
  const suffix = compiled.slice(at + PLACEHOLDER.length);
  if (!text.startsWith(compiled.slice(0, at)) || !text.endsWith(suffix)) return undefined;
  const expression = text.slice(at, text.length - suffix.length);
  return { ...rule, transforms: rule.transforms.map((t) => (t.kind === 'custom' ? { kind: 'custom' as const, expression } : t)) };
}

/**
 * The rule whose compiled text is exactly `text`, read from its AST; or
 * undefined when the text is outside the subset the compiler emits.
 */
export function reverseRule(text: string, place: FieldPlace): MappingRule | undefined {
  let ast: AstNode;
  try {
    ast = jsonata(text).ast() as AstNode;
  } catch {
    return undefined;
  }
  const policy = policyOf(ast);
  const transforms: TransformNode[] = [];
  const maps: MapNames = new Map();
  let node = policy.inner;
  let sources = sourcesOf(node, place.depth);
  for (let peeled = sources ? undefined : peelTransform(node); peeled && !sources; peeled = sources ? undefined : peelTransform(node)) {
    let found = peeled.node;
    if (found.kind === 'valueMap' && peeled.mapVariable !== undefined) {
      // A value map bound at the top: its entries come from that binding.
      const entries = place.valueMaps?.[peeled.mapVariable];
      if (!entries) return undefined;
      found = { ...found, entries };
      maps.set(found, `$${peeled.mapVariable}`);
    }
    transforms.unshift(found);
    node = peeled.input;
    sources = sourcesOf(node, place.depth);
  }
  if (!sources) {
    const value = scalarOf(node);
    if (value === undefined) return undefined;
    // A constant ignores its input, so it starts a chain without sources.
    sources = [];
    transforms.unshift({ kind: 'constant', value });
  }
  const base: MappingRule = { target: place.target, sources, transforms, required: policy.required };
  if (policy.default !== undefined) base.default = policy.default;
  for (const writing of WRITINGS) {
    const rule = fillCustom(base, place, text, maps, writing);
    if (rule && compiles(rule, place, maps, writing) === text) return rule;
  }
  return undefined;
}

