/**
 * State shared by the compile steps (simple types, attributes, particles,
 * complex types): the registry, memo tables so each component is compiled
 * once, and the guard that turns circular definitions into coded errors
 * instead of endless recursion.
 */
import { xsdChild, type XsdNode } from './xsd-dom';
import type { AttributeUse, CompiledType, ElementDecl, ModelGroup, SimpleInfo } from './xsd-model';
import { refError, type SchemaDoc, type XsdRegistry } from './xsd-registry';

/** Attributes declared on a type, an extension/restriction or an attribute group. */
export interface AttributeSet {
  attributes: AttributeUse[];
  /** Names with `use="prohibited"`: a restriction removes them from the base. */
  prohibited: string[];
  anyAttribute: boolean;
}

/** Memo tables and wiring of one compilation. */
export interface CompileContext {
  registry: XsdRegistry;
  types: Map<string, CompiledType>;
  simples: Map<string, SimpleInfo>;
  globalElements: Map<string, ElementDecl>;
  groups: Map<string, ModelGroup>;
  attributeGroups: Map<string, AttributeSet>;
  /** Keys of components being compiled right now (cycle detection). */
  active: Set<string>;
  /**
   * Type of an element declaration. Injected by the complex-type compiler so
   * particles can create element declarations without importing it back.
   */
  elementType(doc: SchemaDoc, element: XsdNode): CompiledType;
}

/** Memo key of the anonymous component `node` of `doc` (unique per document context). */
export function anonymousKey(doc: SchemaDoc, node: XsdNode): string {
  return `#${doc.parsed.file}|${doc.targetNamespace}@${node.offset}`;
}

/**
 * Runs `compile` for the component `key`, raising `XSD_REF` if that component
 * is already being compiled further up (e.g. a type deriving from itself).
 */
export function guarded<T>(ctx: CompileContext, key: string, doc: SchemaDoc, node: XsdNode, compile: () => T): T {
  if (ctx.active.has(key)) {
    throw refError(doc, node, `circular definition of ${key}`, 'a type, group or attribute group that does not contain itself');
  }
  ctx.active.add(key);
  try {
    return compile();
  } finally {
    ctx.active.delete(key);
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function deepText(node: XsdNode): string {
  return [node.text, ...node.children.map(deepText)].join(' ');
}

function findByLocal(node: XsdNode, local: string): XsdNode | undefined {
  for (const child of node.children) {
    if (child.local === local) return child;
    const nested = findByLocal(child, local);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Text of the xs:annotation/xs:documentation of `node`. Plain prose is used as
 * is; structured documentation (UBL's CCTS blocks) is reduced to its
 * `Definition`, which is the human sentence among the codes.
 */
export function documentationOf(node: XsdNode): string | undefined {
  const annotation = xsdChild(node, 'annotation');
  if (!annotation) return undefined;
  const parts: string[] = [];
  for (const doc of annotation.children.filter((child) => child.local === 'documentation')) {
    const own = collapse(doc.text);
    if (own) parts.push(own);
    else {
      const definition = findByLocal(doc, 'Definition');
      const text = collapse(definition ? deepText(definition) : deepText(doc));
      if (text) parts.push(text);
    }
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** Parses minOccurs/maxOccurs of a particle node (default 1; `unbounded` -> Infinity). */
export function occursOf(node: XsdNode): { min: number; max: number } {
  const minText = node.attrs.minOccurs?.trim();
  const maxText = node.attrs.maxOccurs?.trim();
  const min = minText === undefined ? 1 : Number(minText);
  const max = maxText === undefined ? 1 : maxText === 'unbounded' ? Infinity : Number(maxText);
  return { min: Number.isFinite(min) && min >= 0 ? min : 1, max: Number.isNaN(max) || max < 0 ? 1 : max };
}
