/**
 * Simple types -> {@link SimpleInfo}: follow restrictions down to a built-in
 * type, keeping the most derived enumeration and pattern, and every value
 * facet (lengths, bounds, digits), a step's own over its base's.
 */
import { builtinSimple, typedFacetValue } from './xsd-builtins';
import { guarded, type CompileContext } from './xsd-context';
import { XSD_NS, xsdChild, xsdChildren, type XsdNode } from './xsd-dom';
import type { SimpleInfo } from './xsd-model';
import type { ValueFacets } from '../model';
import { clark, refError, type SchemaDoc } from './xsd-registry';

function withRef(info: Omit<SimpleInfo, 'ref'>, ref: string | undefined): SimpleInfo {
  return ref === undefined ? info : { ...info, ref };
}

/**
 * Applies the enumeration and pattern facets of `restriction` to `base`.
 * Several patterns in one step are alternatives (XSD says so), hence `|`.
 */
export function applyFacets(base: SimpleInfo, restriction: XsdNode, file: string, ref: string | undefined): SimpleInfo {
  const enums = xsdChildren(restriction, 'enumeration').map((e) => typedFacetValue(e.attrs.value ?? '', base.type));
  const patterns = xsdChildren(restriction, 'pattern').map((p) => p.attrs.value ?? '');
  const info: SimpleInfo = { type: base.type, file };
  if (base.format !== undefined) info.format = base.format;
  const enumValues = enums.length > 0 ? enums : base.enum;
  if (enumValues) info.enum = [...enumValues];
  const pattern = patterns.length === 1 ? patterns[0] : patterns.length > 1 ? patterns.map((p) => `(?:${p})`).join('|') : base.pattern;
  if (pattern !== undefined) info.pattern = pattern;
  const length = xsdChildren(restriction, 'maxLength')[0] ?? xsdChildren(restriction, 'length')[0];
  const maxLength = length ? Number(length.attrs.value) : base.maxLength;
  if (maxLength !== undefined && Number.isInteger(maxLength) && maxLength >= 0) info.maxLength = maxLength;
  const facets = valueFacets(restriction, base.facets);
  if (facets) info.facets = facets;
  return withRef(info, ref);
}

const FACET_NAMES = ['minLength', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const;

/** The value facets of `restriction` over those of its base; `length` is also the least length. Undefined when there are none. */
function valueFacets(restriction: XsdNode, base: ValueFacets | undefined): ValueFacets | undefined {
  const facets: ValueFacets = { ...base };
  for (const name of FACET_NAMES) {
    const node = xsdChildren(restriction, name)[0];
    const value = node ? Number(node.attrs.value) : NaN;
    if (Number.isFinite(value)) facets[name] = value;
  }
  const length = Number(xsdChildren(restriction, 'length')[0]?.attrs.value);
  if (Number.isInteger(length) && length >= 0) facets.minLength = length;
  return Object.keys(facets).length > 0 ? facets : undefined;
}

function unionOf(ctx: CompileContext, doc: SchemaDoc, union: XsdNode, ref: string | undefined): SimpleInfo {
  const members = (union.attrs.memberTypes ?? '')
    .split(/\s+/)
    .filter((name) => name !== '')
    .map((name) => simpleFromQName(ctx, doc, union, name));
  for (const inline of xsdChildren(union, 'simpleType')) members.push(simpleFromNode(ctx, doc, inline, undefined));
  const first = members[0];
  const file = doc.parsed.file;
  if (!first || !members.every((m) => m.type === first.type && m.format === first.format)) return withRef({ type: 'string', file }, ref);
  const info: SimpleInfo = { type: first.type, file };
  if (first.format !== undefined) info.format = first.format;
  if (members.every((m) => m.enum)) info.enum = [...new Set(members.flatMap((m) => m.enum ?? []))];
  return withRef(info, ref);
}

/** Compiles the xs:simpleType `node` (named, with `ref`, or anonymous). */
export function simpleFromNode(ctx: CompileContext, doc: SchemaDoc, node: XsdNode, ref: string | undefined): SimpleInfo {
  const file = doc.parsed.file;
  const restriction = xsdChild(node, 'restriction');
  if (restriction) {
    const inline = xsdChild(restriction, 'simpleType');
    const baseName = restriction.attrs.base;
    const base =
      baseName !== undefined
        ? simpleFromQName(ctx, doc, restriction, baseName)
        : inline
          ? simpleFromNode(ctx, doc, inline, undefined)
          : builtinSimple('string', file);
    return applyFacets(base, restriction, file, ref);
  }
  if (xsdChild(node, 'list')) return withRef({ type: 'string', format: 'list', file }, ref);
  const union = xsdChild(node, 'union');
  if (union) return unionOf(ctx, doc, union, ref);
  return withRef({ type: 'string', file }, ref);
}

/**
 * Resolves the simple type named by the QName attribute value `value` of `node`.
 * @throws MapwrightError `XSD_REF` when it is undeclared or names a complex type.
 */
export function simpleFromQName(ctx: CompileContext, doc: SchemaDoc, node: XsdNode, value: string): SimpleInfo {
  const name = ctx.registry.resolveQName(doc, node, value);
  if (name.ns === XSD_NS) return builtinSimple(name.local, doc.parsed.file);
  const component = ctx.registry.lookup('type', doc, node, value);
  const key = clark(name);
  if (component.node.local !== 'simpleType') {
    throw refError(doc, node, `"${value}" = ${key} is a complex type where a simple type is required`, 'a simple type');
  }
  const cached = ctx.simples.get(key);
  if (cached) return cached;
  const info = guarded(ctx, `type ${key}`, component.doc, component.node, () =>
    simpleFromNode(ctx, component.doc, component.node, key),
  );
  ctx.simples.set(key, info);
  return info;
}
