/**
 * Names the variables that value maps are bound to at the top of the
 * compiled expression: `$statusMap` for the map of target field `status`.
 * Names follow the order fields are written in, so the text is deterministic.
 */
import type { NodeOf } from '../transforms/transform-node';
import type { TargetNode } from './target-tree';

/** One value map bound at the top: its variable, the field using it and the transform's place in that field's chain. */
export interface ValueMapBinding {
  variable: string;
  target: string;
  index: number;
  node: NodeOf<'valueMap'>;
}

/** `billing address` -> `billingAddress`, `cbc:ID` -> `cbcID`; only letters and digits, so the name needs no quoting. */
function camel(words: string[]): string {
  const parts = words.flatMap((w) => w.split(/[^A-Za-z0-9]+/)).filter(Boolean);
  const text = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  // A name must not start with a digit, and a field of symbols only still needs a readable stem.
  return text === '' ? 'value' : /^[0-9]/.test(text) ? `field${text}` : text;
}

function fieldsInOrder(children: TargetNode[], names: string[], out: Array<{ node: Extract<TargetNode, { kind: 'field' }>; names: string[] }>): void {
  for (const child of children) {
    const here = [...names, child.name];
    if (child.kind === 'field') out.push({ node: child, names: here });
    else fieldsInOrder(child.children, here, out);
  }
}

/**
 * The value maps of every field under `root`, in compiled order, each with
 * a unique variable: the field's own name, else its whole path, else a
 * number added (`$statusMap`, `$contactsStatusMap`, `$statusMap2`).
 */
export function nameValueMaps(root: TargetNode & { children: TargetNode[] }): ValueMapBinding[] {
  const fields: Array<{ node: Extract<TargetNode, { kind: 'field' }>; names: string[] }> = [];
  fieldsInOrder(root.children, [], fields);
  const taken = new Set<string>();
  const bindings: ValueMapBinding[] = [];
  for (const { node, names } of fields) {
    node.rule.transforms.forEach((t, index) => {
      if (t.kind !== 'valueMap') return;
      const short = `${camel(names.slice(-1))}Map`;
      const long = `${camel(names)}Map`;
      let name = !taken.has(short) ? short : long;
      for (let n = 2; taken.has(name); n++) name = `${long}${n}`;
      taken.add(name);
      bindings.push({ variable: `$${name}`, target: node.rule.target, index, node: t });
    });
  }
  return bindings;
}
