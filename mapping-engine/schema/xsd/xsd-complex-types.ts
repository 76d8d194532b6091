/**
 * Types -> {@link CompiledType}: named and anonymous complex types with
 * simple or complex content, derived by extension (base content first, then
 * the extension's) or restriction (the restriction restates the content; its
 * attributes override the base's), and simple types wrapped as types.
 */
import { builtinSimple } from './xsd-builtins';
import { anonymousKey, documentationOf, guarded, type CompileContext } from './xsd-context';
import { collectAttributes, mergeAttributes } from './xsd-attributes';
import { XSD_NS, xsdChild, type XsdNode } from './xsd-dom';
import type { CompiledType, ModelGroup, SimpleInfo } from './xsd-model';
import { contentParticle } from './xsd-particles';
import { clark, refError, type Component, type SchemaDoc, type XsdRegistry } from './xsd-registry';
import { applyFacets, simpleFromNode } from './xsd-simple-types';

const ANY_TYPE_REF = `{${XSD_NS}}anyType`;

function anyType(file: string): CompiledType {
  return { key: ANY_TYPE_REF, ref: ANY_TYPE_REF, file, attributes: [], anyAttribute: true, mixed: true, anyType: true };
}

function simpleAsType(info: SimpleInfo, key: string): CompiledType {
  const type: CompiledType = { key, file: info.file, simple: info, attributes: [], anyAttribute: false, mixed: false, anyType: false };
  if (info.ref !== undefined) type.ref = info.ref;
  return type;
}

/** Base content first, then the extension's: that is the order XSD prescribes. */
function concatContent(base: ModelGroup | undefined, own: ModelGroup | undefined): ModelGroup | undefined {
  if (!base || base.items.length === 0) return own;
  if (!own || own.items.length === 0) return base;
  return { kind: 'sequence', min: 1, max: 1, items: [base, own] };
}

function simpleContentType(ctx: CompileContext, doc: SchemaDoc, derivation: XsdNode, result: CompiledType): CompiledType {
  const baseName = derivation.attrs.base;
  const base = baseName === undefined ? undefined : typeFromQName(ctx, doc, derivation, baseName);
  let simple: SimpleInfo = base?.simple ?? { type: 'string', file: doc.parsed.file };
  if (derivation.local === 'restriction') {
    const inline = xsdChild(derivation, 'simpleType');
    if (inline) simple = simpleFromNode(ctx, doc, inline, undefined);
    simple = applyFacets(simple, derivation, simple.file, simple.ref);
  }
  const own = collectAttributes(ctx, doc, derivation);
  return {
    ...result,
    simple,
    attributes: mergeAttributes(base?.attributes ?? [], own),
    anyAttribute: own.anyAttribute || (base?.anyAttribute ?? false),
  };
}

function complexContentType(ctx: CompileContext, doc: SchemaDoc, derivation: XsdNode, result: CompiledType): CompiledType {
  const baseName = derivation.attrs.base;
  if (baseName === undefined) throw refError(doc, derivation, `xs:${derivation.local} has no base`, 'a base attribute');
  const base = typeFromQName(ctx, doc, derivation, baseName);
  const own = collectAttributes(ctx, doc, derivation);
  const ownContent = contentParticle(ctx, doc, derivation);
  if (derivation.local === 'extension') {
    const content = concatContent(base.content, ownContent);
    return {
      ...result,
      ...(content ? { content } : {}),
      attributes: mergeAttributes(base.attributes, own),
      anyAttribute: own.anyAttribute || base.anyAttribute,
      mixed: result.mixed || base.mixed,
    };
  }
  // A restriction of xs:anyType is just the long way to write a plain complex type.
  const inherited = base.anyType ? [] : base.attributes;
  return { ...result, ...(ownContent ? { content: ownContent } : {}), attributes: mergeAttributes(inherited, own), anyAttribute: own.anyAttribute };
}

/** Compiles the xs:complexType `node`; `ref` is its `{ns}Name` when named. */
function compileComplex(ctx: CompileContext, doc: SchemaDoc, node: XsdNode, key: string, ref: string | undefined): CompiledType {
  const result: CompiledType = { key, file: doc.parsed.file, attributes: [], anyAttribute: false, mixed: node.attrs.mixed === 'true', anyType: false };
  if (ref !== undefined) result.ref = ref;
  const description = documentationOf(node);
  if (description) result.description = description;
  const simpleContent = xsdChild(node, 'simpleContent');
  const complexContent = xsdChild(node, 'complexContent');
  const holder = simpleContent ?? complexContent;
  if (holder) {
    const derivation = xsdChild(holder, 'extension') ?? xsdChild(holder, 'restriction');
    if (!derivation) throw refError(doc, holder, `xs:${holder.local} has no extension or restriction`, 'xs:extension or xs:restriction');
    if (simpleContent) return simpleContentType(ctx, doc, derivation, result);
    if (complexContent?.attrs.mixed === 'true') result.mixed = true;
    return complexContentType(ctx, doc, derivation, result);
  }
  const own = collectAttributes(ctx, doc, node);
  const content = contentParticle(ctx, doc, node);
  return { ...result, ...(content ? { content } : {}), attributes: own.attributes, anyAttribute: own.anyAttribute };
}

/**
 * Resolves and compiles the type named by the QName attribute `value` of `node`.
 * @throws MapwrightError `XSD_REF` when the type is undeclared or circular.
 */
export function typeFromQName(ctx: CompileContext, doc: SchemaDoc, node: XsdNode, value: string): CompiledType {
  const name = ctx.registry.resolveQName(doc, node, value);
  if (name.ns === XSD_NS) {
    if (name.local === 'anyType') return anyType(doc.parsed.file);
    return simpleAsType(builtinSimple(name.local, doc.parsed.file), clark(name));
  }
  return compiledTypeOf(ctx, ctx.registry.lookup('type', doc, node, value));
}

/** Compiles (once) the global type definition `component`. */
export function compiledTypeOf(ctx: CompileContext, component: Component): CompiledType {
  const key = clark(component);
  const cached = ctx.types.get(key);
  if (cached) return cached;
  const { doc, node } = component;
  const type =
    node.local === 'simpleType'
      ? simpleAsType(guarded(ctx, `type ${key}`, doc, node, () => simpleFromNode(ctx, doc, node, key)), key)
      : guarded(ctx, `type ${key}`, doc, node, () => compileComplex(ctx, doc, node, key, key));
  ctx.types.set(key, type);
  return type;
}

function anonymous(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): CompiledType {
  const key = anonymousKey(doc, node);
  const cached = ctx.types.get(key);
  if (cached) return cached;
  const type =
    node.local === 'simpleType'
      ? simpleAsType(simpleFromNode(ctx, doc, node, undefined), key)
      : compileComplex(ctx, doc, node, key, undefined);
  ctx.types.set(key, type);
  return type;
}

/** Type of the xs:element declaration `element`: its `type`, its inline type, its substitution head's, or xs:anyType. */
function elementType(ctx: CompileContext, doc: SchemaDoc, element: XsdNode): CompiledType {
  if (element.attrs.type !== undefined) return typeFromQName(ctx, doc, element, element.attrs.type);
  const inline = xsdChild(element, 'complexType') ?? xsdChild(element, 'simpleType');
  if (inline) return anonymous(ctx, doc, inline);
  const head = element.attrs.substitutionGroup?.trim().split(/\s+/)[0];
  if (head) {
    const component = ctx.registry.lookup('element', doc, element, head);
    return guarded(ctx, `element ${clark(component)}`, component.doc, component.node, () =>
      elementType(ctx, component.doc, component.node),
    );
  }
  return anyType(doc.parsed.file);
}

/** A fresh compilation context over `registry`. */
export function createCompileContext(registry: XsdRegistry): CompileContext {
  const ctx: CompileContext = {
    registry,
    types: new Map(),
    simples: new Map(),
    globalElements: new Map(),
    groups: new Map(),
    attributeGroups: new Map(),
    active: new Set(),
    elementType: (doc, element) => elementType(ctx, doc, element),
  };
  return ctx;
}
