/**
 * An XML output as an {@link OutputNode} tree, parsed with the browser's
 * DOMParser (the text is the bounded output slice). Repeated sibling
 * elements are numbered like array elements (`line[1]`), attributes are
 * leaves named `@name`, and an element with only text is a leaf.
 */
import { childPath, type OutputNode } from './output-tree';

function elementNode(element: Element, path: string): OutputNode {
  const children: OutputNode[] = [];
  for (const attribute of Array.from(element.attributes)) {
    children.push({ path: childPath(path, `@${attribute.name}`), label: `@${attribute.name}`, kind: 'value', text: attribute.value });
  }
  const elements = Array.from(element.children);
  const counts = new Map<string, number>();
  for (const child of elements) counts.set(child.tagName, (counts.get(child.tagName) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const child of elements) {
    const n = seen.get(child.tagName) ?? 0;
    seen.set(child.tagName, n + 1);
    const named = childPath(path, child.tagName);
    children.push(elementNode(child, (counts.get(child.tagName) ?? 0) > 1 ? `${named}[${n}]` : named));
  }
  if (elements.length === 0 && children.length === 0) return { path, label: `<${element.tagName}>`, kind: 'value', text: element.textContent ?? '' };
  if (elements.length === 0 && (element.textContent ?? '').trim() !== '') {
    children.push({ path: childPath(path, '#text'), label: '#text', kind: 'value', text: element.textContent ?? '' });
  }
  return { path, label: `<${element.tagName}>`, kind: 'object', children };
}

/** The tree of `text`, or undefined when it is not well-formed XML (a cut slice, say). */
export function xmlTree(text: string): OutputNode | undefined {
  const parsed = new DOMParser().parseFromString(text, 'application/xml');
  if (parsed.getElementsByTagName('parsererror').length > 0 || !parsed.documentElement) return undefined;
  return elementNode(parsed.documentElement, '');
}
