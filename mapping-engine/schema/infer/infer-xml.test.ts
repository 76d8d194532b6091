/** Inference over XML values built by hand, following the XML reader's conventions. */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../payload/types';
import { findField, type SchemaField } from '../model';
import { inferSchema } from './infer-schema';

function field(root: SchemaField, path: string): SchemaField {
  const found = findField(root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('inferSchema: XML', () => {
  const ns = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
  const invoice: JsonValue = {
    Invoice: {
      '@version': '2.1',
      ID: 'INV-1',
      Amount: { '@currencyID': 'EUR', '#text': '100.50' },
      Line: [{ Qty: '1', Note: null }, { Qty: '2' }],
    },
  };
  const doc = inferSchema([{ value: invoice, format: 'xml', file: 'inv.xml', xmlNamespaces: { 'Invoice/ID': ns } }]);

  it('names the document after the root element and gives elements, attributes and text their kind', () => {
    expect(doc.title).toBe('Invoice');
    expect(field(doc.root, 'Invoice').xml).toEqual({ kind: 'element' });
    expect(field(doc.root, 'Invoice/@version')).toMatchObject({ type: 'number', xml: { kind: 'attribute' } });
    expect(field(doc.root, 'Invoice/Amount/#text')).toMatchObject({ type: 'number', required: true, xml: { kind: 'text' } });
    expect(doc.root.xml).toBeUndefined();
  });

  it('takes namespaces from xmlNamespaces', () => {
    expect(field(doc.root, 'Invoice/ID').xml).toEqual({ kind: 'element', namespace: ns });
  });

  it('marks text-plus-attributes elements as simple content', () => {
    expect(field(doc.root, 'Invoice/Amount').xml).toEqual({ kind: 'element', simpleContent: true });
    expect(field(doc.root, 'Invoice/Line').xml?.simpleContent).toBeUndefined();
  });

  it('makes xsi:nil values nullable and repeated elements repeating', () => {
    expect(field(doc.root, 'Invoice/Line')).toMatchObject({ repeating: true, type: 'object' });
    expect(field(doc.root, 'Invoice/Line/Qty')).toMatchObject({ type: 'integer', required: true });
    expect(field(doc.root, 'Invoice/Line/Note')).toMatchObject({ type: 'null', nullable: true, required: false });
  });

  it('merges a plain-text element with its attribute form into #text + simple content', () => {
    const root = inferSchema([
      { value: { Doc: { Price: '12.5' } }, format: 'xml' },
      { value: { Doc: { Price: { '@currency': 'EUR', '#text': '7' } } }, format: 'xml' },
      { value: { Doc: { Price: '3' } }, format: 'xml' },
    ]).root;
    const price = field(root, 'Doc/Price');
    expect(price).toMatchObject({ type: 'object', xml: { kind: 'element', simpleContent: true } });
    expect(price.children?.map((c) => [c.name, c.type, c.required, c.xml?.kind])).toEqual([
      ['@currency', 'string', false, 'attribute'],
      ['#text', 'number', true, 'text'],
    ]);
  });

  it('adds a #text member when the attribute form had no text', () => {
    const root = inferSchema([
      { value: { Doc: { Flag: 'yes' } }, format: 'xml' },
      { value: { Doc: { Flag: { '@source': 'x' } } }, format: 'xml' },
    ]).root;
    expect(field(root, 'Doc/Flag/#text')).toMatchObject({ type: 'string', required: false, xml: { kind: 'text' } });
    expect(field(root, 'Doc/Flag').xml?.simpleContent).toBe(true);
  });

  it('makes an element single in one document and repeated in another repeating', () => {
    const root = inferSchema([
      { value: { Books: { Book: { Title: 'A' } } }, format: 'xml' },
      { value: { Books: { Book: [{ Title: 'B' }, { Title: 'C' }] } }, format: 'xml' },
    ]).root;
    expect(field(root, 'Books/Book')).toMatchObject({ repeating: true, type: 'object' });
  });

  it('does not treat an empty element next to complex ones as text', () => {
    const root = inferSchema([
      { value: { R: { A: '' } }, format: 'xml' },
      { value: { R: { A: { B: '1' } } }, format: 'xml' },
    ]).root;
    expect(field(root, 'R/A').type).toBe('object');
    expect(field(root, 'R/A').children?.map((c) => [c.name, c.required])).toEqual([['B', false]]);
  });
});
