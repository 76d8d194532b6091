/** Inference over real payloads from tests/fixtures/corpus. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../payload/types';
import { findField, walkFields, type SchemaField } from '../model';
import { inferSchema } from './infer-schema';
import { mergeFields } from './merge-fields';
import type { InferSample } from './infer-options';

const corpus = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'corpus', 'json');

function sample(file: string): InferSample {
  const value = JSON.parse(readFileSync(join(corpus, file), 'utf8')) as JsonValue;
  return { value, format: 'json', file };
}

function jsonFilesUnder(folder: string): string[] {
  const dir = join(corpus, folder);
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return jsonFilesUnder(relative(corpus, full));
    return name.endsWith('.json') ? [relative(corpus, full)] : [];
  });
}

function field(root: SchemaField, path: string): SchemaField {
  const found = findField(root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('inference over the corpus', () => {
  it('shopify order: money stays a string, line items repeat, nulls are nullable', () => {
    const root = inferSchema([sample('shopify/order.json')]).root;
    expect(field(root, 'order/line_items')).toMatchObject({ type: 'object', repeating: true, required: true });
    expect(field(root, 'order/line_items/price')).toMatchObject({ type: 'string', required: true });
    // All three line items cost "199.00": repeated, but a price is not a code list.
    expect(field(root, 'order/line_items/price').enum).toBeUndefined();
    expect(field(root, 'order/total_price').type).toBe('string');
    expect(field(root, 'order/tax_lines/rate').type).toBe('number');
    expect(field(root, 'order/created_at')).toMatchObject({ type: 'datetime', format: 'date-time' });
    expect(field(root, 'order/email')).toMatchObject({ type: 'string', format: 'email' });
    expect(field(root, 'order/cancel_reason')).toMatchObject({ type: 'null', nullable: true });
    expect(field(root, 'order/line_items/tax_lines')).toMatchObject({ type: 'any', repeating: true });
  });

  it('push payload: empty commits[] repeats with no element type yet', () => {
    const root = inferSchema([sample('github-webhooks/push/payload.json')]).root;
    expect(field(root, 'commits')).toMatchObject({ type: 'any', repeating: true, required: true });
    expect(field(root, 'head_commit')).toMatchObject({ type: 'null', nullable: true });
    expect(field(root, 'repository/created_at').type).toBe('integer');
    expect(field(root, 'repository/owner/avatar_url').format).toBe('uri');
  });

  it('all push payloads merged: commits[] gets its members, optional ones are found', () => {
    const files = jsonFilesUnder('github-webhooks/push');
    expect(files.length).toBeGreaterThanOrEqual(2);
    const root = inferSchema(files.map(sample)).root;
    expect(field(root, 'commits')).toMatchObject({ type: 'object', repeating: true });
    expect(field(root, 'commits/timestamp').type).toBe('datetime');
    expect(field(root, 'commits/added')).toMatchObject({ type: 'string', repeating: true });
    expect(field(root, 'commits/author/username').type).toBe('string');
    expect(findField(root, ['commits', 'committer', 'username'])).toBeUndefined();
    expect(field(root, 'head_commit')).toMatchObject({ type: 'object', nullable: true, required: true });
    expect(field(root, 'installation').required).toBe(false);
    expect(field(root, 'sender').required).toBe(true);
  });

  it('merging the push payloads one by one agrees with inferring them together (enums aside)', () => {
    const files = jsonFilesUnder('github-webhooks/push');
    const together = inferSchema(files.map(sample)).root;
    const oneByOne = files.map((file) => inferSchema([sample(file)]).root).reduce((a, b) => mergeFields(a, b));
    const facts = (root: SchemaField): string[] => {
      const lines: string[] = [];
      walkFields(root, (f) => lines.push(`${f.path.join('/')} ${f.type} ${f.repeating} ${f.required} ${f.nullable ?? false} ${f.format ?? ''}`));
      return lines;
    };
    expect(facts(oneByOne)).toEqual(facts(together));
  });

  it('all GitHub webhook events merged: shared members stay required, event-specific ones do not', () => {
    const root = inferSchema(jsonFilesUnder('github-webhooks').map(sample)).root;
    expect(field(root, 'sender').required).toBe(true);
    expect(field(root, 'action').required).toBe(false);
    expect(field(root, 'repository').required).toBe(false);
    // Epoch seconds in push events, ISO strings elsewhere.
    expect(field(root, 'repository/created_at').type).toBe('string');
    // "" in one issue, text in the other: a nullable-free string.
    expect(field(root, 'issue/body')).toMatchObject({ type: 'string', required: true });
    expect(field(root, 'pull_request/body')).toMatchObject({ type: 'string', nullable: true });
    expect(field(root, 'action').enum).toEqual(['created', 'opened', 'published', 'requested']);
  });

  it('stripe fixtures: every resource is an object, dotted names are kept whole', () => {
    const root = inferSchema([sample('stripe/fixtures3.json')]).root;
    const resources = field(root, 'resources');
    expect(resources.children?.length).toBe(176);
    expect(resources.children?.every((r) => r.type === 'object' && r.required)).toBe(true);
    expect(field(root, 'resources/apps.secret/scope/type').type).toBe('string');
    expect(field(root, 'resources/charge/amount').type).toBe('integer');
    expect(field(root, 'resources/charge/created').type).toBe('integer');
    expect(field(root, 'resources/charge/billing_details/address/city')).toMatchObject({ type: 'null', nullable: true });
    expect(field(root, 'resources/charge/metadata')).toMatchObject({ type: 'object', children: [] });
    let count = 0;
    walkFields(root, () => count++);
    expect(count).toBeGreaterThan(5000);
  });
});
