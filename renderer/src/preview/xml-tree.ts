/**
 * An XML output as an {@link OutputNode} tree, parsed with the browser's
 * DOMParser (the text is the bounded output slice). Repeated sibling
 * elements are numbered like array elements (`line[1]`), attributes are
 * leaves named `@name`, and an element with only text is a leaf.
 *
 * Paths spell the value the mapping produced, so lineage and change marks
 * match the rules' targets: they start at the root element
 * (`Invoice.InvoiceLine[1].ID`), use local names (a prefix is the writer's
 * namespace choice, not part of the target path), leave out namespace
 * declarations, and name an element's text beside attributes `#text`.
 * A lone element of a repeated target has no index here; the lineage
 * reads it as element 0.
 */
import { childPath, type OutputNode } from './output-tree';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

function elementNode(element: Element, path: string): OutputNode {
  const children: OutputNode[] = [];
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.namespaceURI === XMLNS) continue;
    children.push({ path: childPath(path, `@${attribute.localName}`), label: `@${attribute.name}`, kind: 'value', text: attribute.value });
  }
  const elements = Array.from(element.children);
  const counts = new Map<string, number>();
  for (const child of elements) counts.set(child.localName, (counts.get(child.localName) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const child of elements) {
    const n = seen.get(child.localName) ?? 0;
    seen.set(child.localName, n + 1);
    const named = childPath(path, child.localName);
    children.push(elementNode(child, (counts.get(child.localName) ?? 0) > 1 ? `${named}[${n}]` : named));
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
  const root = parsed.documentElement;
  return elementNode(root, childPath('', root.localName));
}
