import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { addSampleToDocument, importAvailability, importHint, tryAddSample, typedSamplePath } from './sample-import';

const projectText = readFileSync(join(import.meta.dirname, '..', '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json'), 'utf8');

describe('importAvailability', () => {
  it('is ready for a saved, writable project of the user', () => {
    expect(
      importAvailability({
        path: '/p/a.mapwright.json',
        readOnly: false,
        template: false,
      }),
    ).toBe('ready');
  });
  it('asks for Save As first for an untitled project or a bundled sample', () => {
    expect(importAvailability({ readOnly: false, template: false })).toBe('saveFirst');
    expect(
      importAvailability({
        path: '/samples/a.mapwright.json',
        readOnly: false,
        template: true,
      }),
    ).toBe('saveFirst');
  });
  it('is unavailable without a project or for a read-only one', () => {
    expect(importAvailability(undefined)).toBe('unavailable');
    expect(
      importAvailability({
        path: '/p/a.mapwright.json',
        readOnly: true,
        template: false,
      }),
    ).toBe('unavailable');
  });
});

describe('typedSamplePath', () => {
  it('accepts absolute payload paths, trimmed and unquoted', () => {
    expect(typedSamplePath('  /home/me/people.csv ')).toEqual({
      path: '/home/me/people.csv',
    });
    expect(typedSamplePath('"C:\\exports\\orders.XML"')).toEqual({
      path: 'C:\\exports\\orders.XML',
    });
    expect(typedSamplePath('/data/events.jsonl')).toEqual({
      path: '/data/events.jsonl',
    });
  });
  it('explains empty, relative and non-payload paths', () => {
    expect(typedSamplePath('   ')).toHaveProperty('problem', expect.stringContaining('Enter the path'));
    expect(typedSamplePath('people.csv')).toHaveProperty('problem', expect.stringContaining('absolute'));
    expect(typedSamplePath('/home/me/report.pdf')).toHaveProperty('problem', expect.stringContaining('.csv'));
  });
});

describe('addSampleToDocument', () => {
  it('adds the masked copy to the chosen side and keeps the rest of the document', () => {
    const next = addSampleToDocument(projectText, 'source', 'samples/people.csv');
    const before = loadDocument(projectText).document;
    const after = loadDocument(next).document;
    expect(after.source.samples).toEqual(['source/crm-account.json', 'samples/people.csv']);
    expect(after.target.samples).toEqual(before.target.samples);
    expect(after.rules).toEqual(before.rules);
  });
  it('adds a target sample to the target side only', () => {
    const after = loadDocument(addSampleToDocument(projectText, 'target', 'samples/order.json')).document;
    expect(after.target.samples).toEqual(['samples/order.json']);
    expect(after.source.samples).toEqual(['source/crm-account.json']);
  });
  it('does not list the same sample twice', () => {
    const once = addSampleToDocument(projectText, 'source', 'samples/people.csv');
    expect(loadDocument(addSampleToDocument(once, 'source', 'samples/people.csv')).document.source.samples).toEqual([
      'source/crm-account.json',
      'samples/people.csv',
    ]);
  });
});

describe('tryAddSample', () => {
  it('returns the coded error of a document that does not load', () => {
    const result = tryAddSample('{ "name": ', 'source', 'samples/people.csv');
    expect(result).toHaveProperty('error.code', 'JSON_PARSE');
    expect(result).toHaveProperty('error.line', 1);
  });
  it('refuses an absolute path as a sample entry', () => {
    expect(tryAddSample(projectText, 'source', '/tmp/people.csv')).toHaveProperty('error.code', 'DOC_INVALID');
  });
});

describe('importHint', () => {
  it('tells the user to copy a refused file into the project folder', () => {
    expect(importHint({ code: 'ACCESS_DENIED', message: '/etc/x.csv: outside' })).toMatch(/Copy the file into the project folder/);
  });
  it('has no hint for errors whose message says it all', () => {
    expect(importHint({ code: 'FILE_READ', message: 'no such file' })).toBeUndefined();
  });
});
