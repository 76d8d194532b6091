/**
 * XML facts read from the shape of a value's keys (the reader's convention:
 * `@name` attributes, `#text` element text, anything else an element).
 */
import type { SchemaField, XmlFieldInfo } from '../model';

/** Name of the member holding an element's own text next to attributes or children. */
export const TEXT_KEY = '#text';

/** The XML node kind a member name stands for. */
export function xmlKindOf(name: string): XmlFieldInfo['kind'] {
  if (name === TEXT_KEY) return 'text';
  return name.startsWith('@') ? 'attribute' : 'element';
}

/**
 * Simple content with attributes: the element's object holds its text and
 * attributes only. Mixed content (text next to child elements) is not.
 */
export function hasSimpleContent(children: readonly SchemaField[]): boolean {
  let text = false;
  for (const child of children) {
    if (child.name === TEXT_KEY) text = true;
    else if (xmlKindOf(child.name) !== 'attribute') return false;
  }
  return text;
}
