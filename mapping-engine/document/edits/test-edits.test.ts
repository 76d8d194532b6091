import { describe, expect, it } from 'vitest';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  rules: [{ target: 'id', sources: ['id'] }],
  tests: [{ name: 'complete', input: 'source/a.json', expected: 'tests/a.expected.json' }],
});

describe('test case edits', () => {
  it('adds, replaces (and renames) and removes test cases', () => {
    let doc = applied(base, { kind: 'addTest', test: { name: 'missing id', input: 'tests/b.json', expectError: 'id' }, index: 0 });
    expect(doc.tests.map((t) => t.name)).toEqual(['missing id', 'complete']);
    doc = applied(doc, { kind: 'setTest', name: 'complete', test: { name: 'full', input: 'source/a.json', expected: 'tests/full.json' } });
    expect(doc.tests[1]).toEqual({ name: 'full', input: 'source/a.json', expected: 'tests/full.json' });
    expect(applied(doc, { kind: 'removeTest', name: 'full' }).tests.map((t) => t.name)).toEqual(['missing id']);
  });

  it('refuses duplicate names, absolute or backslash paths, both or neither outcome, unknown names', () => {
    refusedBy(base, { kind: 'addTest', test: { name: 'complete', input: 'a.json', expected: 'b.json' } });
    refusedBy(base, { kind: 'addTest', test: { name: 'x', input: '/etc/a.json', expected: 'b.json' } });
    refusedBy(base, { kind: 'addTest', test: { name: 'x', input: 'a.json', expected: 'tests\\b.json' } });
    refusedBy(base, { kind: 'addTest', test: { name: 'x', input: 'a.json' } });
    refusedBy(base, { kind: 'addTest', test: { name: 'x', input: 'a.json', expected: 'b.json', expectError: 'id' } });
    refusedBy(base, { kind: 'addTest', test: { name: '', input: 'a.json', expected: 'b.json' } });
    refusedBy(base, { kind: 'addTest', test: { name: 'x', input: 'a.json', expected: 'b.json' }, index: 2 });
    const two = applied(base, { kind: 'addTest', test: { name: 'x', input: 'a.json', expected: 'b.json' } });
    refusedBy(two, { kind: 'setTest', name: 'x', test: { name: 'complete', input: 'a.json', expected: 'b.json' } });
    refusedBy(base, { kind: 'setTest', name: 'nope', test: { name: 'nope', input: 'a.json', expected: 'b.json' } });
    refusedBy(base, { kind: 'removeTest', name: 'nope' });
  });
});
