/**
 * Where a chain's text transforms can read their input without `$text`
 * (present-value.ts). `$text(v)` is v itself for non-empty text and no
 * value for null and "", so it changes nothing in two places:
 *
 * - after a transform whose result is non-empty text or no value (case,
 *   pad): `$replace($pad($text(id), -8, "0"), ...)`, exactly the same value;
 * - after a transform whose result is text or no value (trim, replace,
 *   substring, a split part, concat), when the next transform keeps "" as ""
 *   or no value (trim, case, substring, a split part, replace) and what comes
 *   after it reads "" as it reads no value: another text transform reading
 *   through `$text`, or the rule's required policy (`$required`,
 *   `$orDefault` and `$omitEmpty` all take "" for no value). Then the field's
 *   value is the same; only a step in between may hold "" where it held no
 *   value: `$split($trim($text(fullName)), " ")[0]`.
 *
 * The reverse compiler reads both texts back (the wrapped one is how
 * earlier versions wrote every chain; see compiler/reverse/reverse-rule.ts).
 */
import type { TransformNode } from './transform-node';

/** What a step gives: non-empty text or no value, text (maybe "") or no value, or anything. */
type Shape = 'nonEmpty' | 'text' | 'other';

/** Where a chain ends, for {@link textInputs}. */
export interface ChainEnd {
  /** The chain's value goes to a required policy that reads "" as no value (not to a bare field or a sort key). */
  ignoresEmpty?: boolean;
  /** Wrap every text transform's input, as earlier versions did (to read their text back). */
  keepTextWraps?: boolean;
}

/** Kinds whose compiled text reads the input through `$text`. */
function readsText(node: TransformNode): boolean {
  return node.kind === 'trim' || node.kind === 'case' || node.kind === 'pad' || node.kind === 'replace' || node.kind === 'substring' || node.kind === 'split' || node.kind === 'date';
}

/** Kinds that give "" or no value for "" and no value for no value, without failing. */
function keepsEmpty(node: TransformNode): boolean {
  switch (node.kind) {
    case 'trim':
    case 'case':
    case 'substring':
      return true;
    case 'split':
      // `$split("", " ")` is `[""]`: only a part of it is "" again.
      return node.index !== undefined;
    case 'replace':
      // jsonata refuses an empty plain pattern even on ""; the document never holds one, a hand-edited rule might.
      return node.pattern !== '';
    default:
      return false;
  }
}

/** The shape of `node`'s result when it reads a value of shape `input` (after its own `$text`, if kept). */
function shapeOf(node: TransformNode, input: Shape): Shape {
  switch (node.kind) {
    case 'case':
      // Upper, lower and title case keep the length at one or more; "" stays "".
      return input === 'other' ? 'text' : input;
    case 'pad':
      return 'nonEmpty';
    case 'trim':
    case 'replace':
    case 'substring':
    case 'concat':
      return 'text';
    case 'split':
      return node.index === undefined ? 'other' : 'text';
    default:
      return 'other';
  }
}

/**
 * For each node of a chain, whether it reads its input as it is (true) or
 * through `$text` (false; also for kinds that never call `$text`).
 */
export function textInputs(nodes: readonly TransformNode[], end: ChainEnd = {}): boolean[] {
  const bare = nodes.map(() => false);
  if (end.keepTextWraps) return bare;
  let previous: Shape = 'other';
  nodes.forEach((node, i) => {
    let input: Shape = readsText(node) ? 'nonEmpty' : previous;
    if (i > 0 && readsText(node)) {
      const next = nodes[i + 1];
      const tailIgnoresEmpty = next === undefined ? end.ignoresEmpty === true : readsText(next);
      if (previous === 'nonEmpty') bare[i] = true;
      else if (previous === 'text' && keepsEmpty(node) && tailIgnoresEmpty) {
        bare[i] = true;
        input = 'text';
      }
    }
    previous = shapeOf(node, input);
  });
  return bare;
}
