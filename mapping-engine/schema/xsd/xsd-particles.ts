/**
 * Content models: xs:sequence / xs:choice / xs:all, element declarations and
 * references, group references and xs:any -> {@link Particle} trees. Element
 * types are compiled lazily (on first use by the tree builder), so a schema
 * set can hold unresolvable components that the chosen root never reaches.
 */
import { documentationOf, guarded, occursOf, type CompileContext } from './xsd-context';
import { xsdChildren, type XsdNode } from './xsd-dom';
import type { CompiledType, ElementDecl, ModelGroup, Particle } from './xsd-model';
import { clark, refError, type Component, type SchemaDoc } from './xsd-registry';

const GROUP_KINDS = new Set(['sequence', 'choice', 'all']);

function lazyType(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): () => CompiledType {
  let type: CompiledType | undefined;
  return () => (type ??= ctx.elementType(doc, node));
}

/** The declaration of the global element `component` (compiled once per schema set). */
export function globalElementDecl(ctx: CompileContext, component: Component): ElementDecl {
  const key = clark(component);
  const cached = ctx.globalElements.get(key);
  if (cached) return cached;
  const decl: ElementDecl = {
    name: component.name,
    nillable: component.node.attrs.nillable === 'true',
    file: component.doc.parsed.file,
    type: lazyType(ctx, component.doc, component.node),
  };
  // Global elements are always qualified by their schema's target namespace.
  if (component.ns) decl.ns = component.ns;
  const description = documentationOf(component.node);
  if (description) decl.description = description;
  ctx.globalElements.set(key, decl);
  return decl;
}

function localElementDecl(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): ElementDecl {
  const name = node.attrs.name;
  if (!name) throw refError(doc, node, 'xs:element has neither name nor ref', 'a name or ref attribute');
  const form = node.attrs.form;
  const qualified = form === undefined ? doc.elementFormQualified : form === 'qualified';
  const decl: ElementDecl = {
    name,
    nillable: node.attrs.nillable === 'true',
    file: doc.parsed.file,
    type: lazyType(ctx, doc, node),
  };
  if (qualified && doc.targetNamespace) decl.ns = doc.targetNamespace;
  const description = documentationOf(node);
  if (description) decl.description = description;
  return decl;
}

function elementParticle(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): Particle {
  const occurs = occursOf(node);
  const ref = node.attrs.ref;
  if (ref === undefined) return { kind: 'element', decl: localElementDecl(ctx, doc, node), ...occurs };
  const global = globalElementDecl(ctx, ctx.registry.lookup('element', doc, node, ref));
  const description = documentationOf(node);
  const decl = description ? { ...global, description } : global;
  return { kind: 'element', decl, ...occurs };
}

function groupReference(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): ModelGroup {
  const ref = node.attrs.ref;
  if (ref === undefined) throw refError(doc, node, 'xs:group inside a content model has no ref', 'a ref attribute');
  const group = ctx.registry.lookup('group', doc, node, ref);
  const key = clark(group);
  let body = ctx.groups.get(key);
  if (!body) {
    body = guarded(ctx, `group ${key}`, group.doc, group.node, () => {
      const inner = xsdChildren(group.node).find((child) => GROUP_KINDS.has(child.local));
      return inner ? compileModelGroup(ctx, group.doc, inner) : { kind: 'sequence' as const, min: 1, max: 1, items: [] };
    });
    ctx.groups.set(key, body);
  }
  // The occurrence bounds belong to the reference, not to the group definition.
  return { ...body, ...occursOf(node) };
}

/** Compiles one particle node; annotations and other non-particles give `undefined`. */
export function compileParticle(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): Particle | undefined {
  switch (node.local) {
    case 'element':
      return elementParticle(ctx, doc, node);
    case 'sequence':
    case 'choice':
    case 'all':
      return compileModelGroup(ctx, doc, node);
    case 'group':
      return groupReference(ctx, doc, node);
    case 'any':
      return { kind: 'any', ...occursOf(node) };
    default:
      return undefined;
  }
}

/** Compiles an xs:sequence, xs:choice or xs:all node; particles with maxOccurs="0" are left out. */
export function compileModelGroup(ctx: CompileContext, doc: SchemaDoc, node: XsdNode): ModelGroup {
  const items: Particle[] = [];
  for (const child of xsdChildren(node)) {
    const particle = compileParticle(ctx, doc, child);
    if (particle && particle.max > 0) items.push(particle);
  }
  const kind = node.local === 'choice' ? 'choice' : node.local === 'all' ? 'all' : 'sequence';
  return { kind, ...occursOf(node), items };
}

/** The content-model particle directly inside `owner` (a complex type, extension or restriction), if any. */
export function contentParticle(ctx: CompileContext, doc: SchemaDoc, owner: XsdNode): ModelGroup | undefined {
  for (const child of xsdChildren(owner)) {
    if (GROUP_KINDS.has(child.local)) return compileModelGroup(ctx, doc, child);
    if (child.local === 'group') return groupReference(ctx, doc, child);
  }
  return undefined;
}
