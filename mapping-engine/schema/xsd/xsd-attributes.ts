/**
 * Attribute declarations, attribute references, attribute groups (nested to
 * any depth) and xs:anyAttribute -> the attribute uses of a type.
 */
import { xmlNamespaceAttribute } from './xsd-builtins';
import { documentationOf, guarded, type AttributeSet, type CompileContext } from './xsd-context';
import { XML_NS, xsdChild, xsdChildren, type XsdNode } from './xsd-dom';
import type { AttributeUse, SimpleInfo } from './xsd-model';
import { clark, refError, type SchemaDoc } from './xsd-registry';
import { simpleFromNode, simpleFromQName } from './xsd-simple-types';

function declaredSimple(ctx: CompileContext, doc: SchemaDoc, decl: XsdNode): SimpleInfo {
  if (decl.attrs.type !== undefined) return simpleFromQName(ctx, doc, decl, decl.attrs.type);
  const inline = xsdChild(decl, 'simpleType');
  if (inline) return simpleFromNode(ctx, doc, inline, undefined);
  return { type: 'string', file: doc.parsed.file };
}

function withDescription(use: AttributeUse, ...nodes: XsdNode[]): AttributeUse {
  for (const node of nodes) {
    const description = documentationOf(node);
    if (description) return { ...use, description };
  }
  return use;
}

/** The attribute use declared (or referenced) by the xs:attribute `node`. */
function attributeUse(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): AttributeUse {
  const required = node.attrs.use === 'required';
  const ref = node.attrs.ref;
  if (ref === undefined) {
    const name = node.attrs.name;
    if (!name) throw refError(doc, node, 'xs:attribute has neither name nor ref', 'a name or ref attribute');
    const form = node.attrs.form;
    const qualified = form === undefined ? doc.attributeFormQualified : form === 'qualified';
    const use: AttributeUse = { name, required, simple: declaredSimple(ctx, doc, node) };
    if (qualified && doc.targetNamespace) use.ns = doc.targetNamespace;
    return withDescription(use, node);
  }
  const qname = ctx.registry.resolveQName(doc, node, ref);
  if (qname.ns === XML_NS && !ctx.registry.find('attribute', qname)) {
    const simple = xmlNamespaceAttribute(qname.local, doc.parsed.file);
    if (simple) return withDescription({ name: qname.local, ns: XML_NS, required, simple }, node);
  }
  const global = ctx.registry.lookup('attribute', doc, node, ref);
  const simple = guarded(ctx, `attribute ${clark(global)}`, global.doc, global.node, () =>
    declaredSimple(ctx, global.doc, global.node),
  );
  const use: AttributeUse = { name: global.name, required, simple };
  // Global attributes are always qualified by their schema's target namespace.
  if (global.ns) use.ns = global.ns;
  return withDescription(use, node, global.node);
}

function attributeGroup(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): AttributeSet {
  const ref = node.attrs.ref;
  if (ref === undefined) return collectAttributes(ctx, doc, node);
  const group = ctx.registry.lookup('attributeGroup', doc, node, ref);
  const key = clark(group);
  const cached = ctx.attributeGroups.get(key);
  if (cached) return cached;
  const set = guarded(ctx, `attributeGroup ${key}`, group.doc, group.node, () => collectAttributes(ctx, group.doc, group.node));
  ctx.attributeGroups.set(key, set);
  return set;
}

/** Collects the attribute uses declared directly in `owner` (a type, extension, restriction or attribute group). */
export function collectAttributes(ctx: CompileContext, doc: SchemaDoc, owner: XsdNode): AttributeSet {
  const set: AttributeSet = { attributes: [], prohibited: [], anyAttribute: false };
  for (const child of xsdChildren(owner)) {
    if (child.local === 'attribute') {
      if (child.attrs.use === 'prohibited') {
        set.prohibited.push(child.attrs.name ?? ctx.registry.resolveQName(doc, child, child.attrs.ref ?? '').local);
      } else {
        set.attributes.push(attributeUse(ctx, doc, child));
      }
    } else if (child.local === 'attributeGroup') {
      const nested = attributeGroup(ctx, doc, child);
      set.attributes.push(...nested.attributes);
      set.prohibited.push(...nested.prohibited);
      set.anyAttribute ||= nested.anyAttribute;
    } else if (child.local === 'anyAttribute') {
      set.anyAttribute = true;
    }
  }
  return set;
}

/**
 * Attributes of a derived type: the base's, overridden by the derived
 * declarations of the same name, minus the prohibited ones.
 */
export function mergeAttributes(base: readonly AttributeUse[], own: AttributeSet): AttributeUse[] {
  const byName = new Map<string, AttributeUse>();
  for (const use of base) byName.set(use.name, use);
  for (const use of own.attributes) byName.set(use.name, use);
  for (const name of own.prohibited) byName.delete(name);
  return [...byName.values()];
}
