import { describe, expect, it } from 'vitest';
import { evaluatePointer, formatPointer, parsePointer } from './json-pointer';
import { isMetaSchemaUri, resolveUri } from './uri';

describe('JSON pointers', () => {
  it('unescapes ~1, ~0 and %-escapes, in that order of decoding', () => {
    expect(parsePointer('#/definitions/a~1b/c~0d')).toEqual(['definitions', 'a/b', 'c~d']);
    expect(parsePointer('#/definitions/with%20space')).toEqual(['definitions', 'with space']);
    expect(parsePointer('#/x/%7E1')).toEqual(['x', '/']); // %7E is "~", then ~1 is "/"
    expect(parsePointer('/paths/~1pets')).toEqual(['paths', '/pets']);
    expect(parsePointer('#')).toEqual([]);
  });

  it('rejects anchors and broken escapes', () => {
    expect(parsePointer('#foo')).toBeUndefined();
    expect(parsePointer('#/a/%E0%A4%A')).toBeUndefined();
  });

  it('formats segments back into a fragment', () => {
    expect(formatPointer(['paths', '/pets/{id}', 'get'])).toBe('#/paths/~1pets~1{id}/get');
    expect(formatPointer(['a~b'])).toBe('#/a~0b');
    expect(formatPointer([])).toBe('#');
  });

  it('walks objects and arrays, and gives undefined for a missing step', () => {
    const doc = { a: [{ b: 1 }], 'x/y': true };
    expect(evaluatePointer(doc, ['a', '0', 'b'])).toBe(1);
    expect(evaluatePointer(doc, ['x/y'])).toBe(true);
    expect(evaluatePointer(doc, ['a', '01'])).toBeUndefined();
    expect(evaluatePointer(doc, ['a', '1'])).toBeUndefined();
    expect(evaluatePointer(doc, ['toString'])).toBeUndefined();
  });
});

describe('URIs', () => {
  it('resolves relative ids against relative and absolute bases', () => {
    expect(resolveUri('common/commit.schema.json', 'committer.schema.json')).toBe('common/committer.schema.json');
    expect(resolveUri('push$event', 'common/user.schema.json')).toBe('common/user.schema.json');
    expect(resolveUri('https://json.schemastore.org/schema-org-place.json', 'schema-org-thing.json')).toBe('https://json.schemastore.org/schema-org-thing.json');
    expect(resolveUri(undefined, 'a.json')).toBe('a.json');
    expect(resolveUri('https://x.org/a/b.json', 'https://y.org/c.json')).toBe('https://y.org/c.json');
  });

  it('knows the meta-schema URIs', () => {
    expect(isMetaSchemaUri('http://json-schema.org/draft-07/schema#')).toBe(true);
    expect(isMetaSchemaUri('https://json-schema.org/draft/2020-12/schema')).toBe(true);
    expect(isMetaSchemaUri('http://json-schema.org/draft-04/schema')).toBe(true);
    expect(isMetaSchemaUri('https://json.schemastore.org/package.json')).toBe(false);
  });
});
