/**
 * People's names inside free text of real payloads: a Shopify order note and
 * GitHub issue and commit texts (corpus files, with names written into their
 * text fields as consultants' samples have them). No name may survive; the
 * business words around them must.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../payload/types';
import { maskPayload } from './mask-payload';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'json');
const key = new TextEncoder().encode('names-in-text-test-key-012345678');

type Json = { [key: string]: JsonValue };

function load(relative: string): Json {
  return JSON.parse(readFileSync(join(corpus, relative), 'utf8')) as Json;
}

describe('names in free text next to a person', () => {
  it('masks every name in a Shopify order note and keeps the business text', () => {
    const payload = load('shopify/order.json');
    const order = payload.order as Json;
    order.note = 'Call Anna Schmidt about the invoice. Bob Norman wants the IPod Nano gift-wrapped; Frau Weiß prefers DHL Express, so does Mr. O\u2019Brien.';
    const { value, report } = maskPayload(payload, { key });
    const masked = (value as Json).order as Json;
    const note = masked.note as string;
    for (const name of ['Anna', 'Schmidt', 'Bob', 'Norman', 'Weiß', 'O\u2019Brien']) expect(note).not.toMatch(new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'u'));
    for (const words of ['Call ', ' about the invoice. ', ' wants the IPod Nano gift-wrapped; Frau ', ' prefers DHL Express, so does Mr. ']) expect(note).toContain(words);
    // A whole name masked in a field keeps that mask inside the text.
    expect(note).toContain(masked.billing_address && ((masked.billing_address as Json).name as string));
    expect(report.find((e) => e.path === 'order.note')).toMatchObject({ category: 'freeText', masked: true });
    expect(JSON.stringify(report)).not.toMatch(/Schmidt|Weiß/);
    // Product names elsewhere stay.
    expect(((masked.line_items as Json[])[0]!).title).toBe('IPod Nano - 8gb');
  });

  it('masks names in a GitHub issue body and title beside the user object, and the login inside text', () => {
    const payload = load('github-webhooks/issues/opened.payload.json');
    const issue = payload.issue as Json;
    issue.body = "Thanks Jasper Windler and Lucía García for the report. The README links to Codertocat's fork; see PR #42 on GitHub.";
    issue.title = 'Spelling error reported by Maria Rossi in the README file';
    const masked = (maskPayload(payload, { key }).value as Json).issue as Json;
    const text = `${masked.body as string}\n${masked.title as string}`;
    for (const name of ['Jasper', 'Windler', 'Lucía', 'García', 'Codertocat', 'Maria', 'Rossi']) expect(text).not.toContain(name);
    for (const words of ['Thanks ', ' for the report. The README links to ', "'s fork; see PR #42 on GitHub.", 'Spelling error reported by ', ' in the README file']) expect(text).toContain(words);
  });

  it('leaves text of records that are not a person’s alone', () => {
    const payload = load('shopify/order.json');
    const item = ((payload.order as Json).line_items as Json[])[0]!;
    item.title = 'Anna Karenina Collector Edition with Leather Cover';
    const masked = maskPayload(payload, { key }).value as Json;
    expect((((masked.order as Json).line_items as Json[])[0]!).title).toBe('Anna Karenina Collector Edition with Leather Cover');
  });
});
