/**
 * Arranges a document's rules and array contexts into the tree of the target
 * payload: objects, arrays (each driven by an array context) and fields (each
 * computed by one rule). Order is first appearance in the document, so the
 * compiled text is deterministic.
 */
import { MapwrightError } from '../errors';
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import { splitPath } from '../transforms/jsonata-text';

/** One node of the target tree. */
export type TargetNode =
  | { kind: 'object'; name: string; path: string; children: TargetNode[] }
  | { kind: 'array'; name: string; path: string; context: ArrayContext; children: TargetNode[] }
  | { kind: 'field'; name: string; path: string; rule: MappingRule };

/** A node that holds other nodes. */
export type Container = Extract<TargetNode, { children: TargetNode[] }>;

/**
 * Whether `node` is an object whose fields may all be left out (every field
 * below it has the `omit` policy, and no array is below it), so it is itself
 * left out when none of them has a value.
 */
export function optionalObject(node: TargetNode): boolean {
  if (node.kind === 'field') return node.rule.required === 'omit';
  return node.kind === 'object' && node.children.every(optionalObject);
}

function conflict(message: string): MapwrightError {
  return new MapwrightError('COMPILE_INVALID', message);
}

/** The refusal of a field with its own rule and rules inside it, with the two ways out. */
function ruleAndFieldsInside(path: string): MapwrightError {
  return conflict(
    `target field ${path} has its own rule and also fields inside it; either let the rule build the whole value (a custom expression returning the object) and remove the rules below it, or remove its rule and map the fields inside it one by one`,
  );
}

/**
 * Builds the tree under its root: an object, or an array when an array
 * context targets "." (the output is a list, such as CSV rows). Throws
 * COMPILE_INVALID when a field and an object or array claim the same path.
 */
export function buildTargetTree(doc: MappingDocument): Container {
  const rootContext = doc.arrays.find((a) => a.target === '.');
  const root: Container = rootContext ? { kind: 'array', name: '', path: '.', context: rootContext, children: [] } : { kind: 'object', name: '', path: '', children: [] };
  const arrays = new Map(doc.arrays.filter((a) => a.target !== '.').map((a) => [splitPath(a.target).join('\u0000'), a]));
  // Children by name, beside each container's ordered list: a scan of the list per rule made
  // the build quadratic in the width of an object (600 fields in one object at enterprise size).
  const named = new Map<Container, Map<string, TargetNode>>();
  const childNamed = (node: Container, name: string): TargetNode | undefined => named.get(node)?.get(name);
  const add = (node: Container, child: TargetNode): void => {
    node.children.push(child);
    let names = named.get(node);
    if (!names) named.set(node, (names = new Map()));
    names.set(child.name, child);
  };

  const containerAt = (names: string[]): Container => {
    let node: Container = root;
    names.forEach((name, i) => {
      const key = names.slice(0, i + 1);
      const path = key.join('.');
      let child = childNamed(node, name);
      if (!child) {
        const context = arrays.get(key.join('\u0000'));
        child = context ? { kind: 'array', name, path, context, children: [] } : { kind: 'object', name, path, children: [] };
        add(node, child);
      }
      if (child.kind === 'field') throw ruleAndFieldsInside(child.path);
      node = child;
    });
    return node;
  };

  for (const rule of doc.rules) {
    const names = splitPath(rule.target);
    const parent = containerAt(names.slice(0, -1));
    const name = names[names.length - 1]!;
    // Whichever comes first in the document, the parent's rule or one below it, the refusal says what to do.
    if (childNamed(parent, name)) throw ruleAndFieldsInside(names.join('.'));
    add(parent, { kind: 'field', name, path: names.join('.'), rule });
  }
  return root;
}
