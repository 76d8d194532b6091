import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply-edit';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';
import { prefixesOf, ruleIndex } from './rule-index';

const base = frozenDoc({ rules: [{ target: 'a.b', sources: ['x'] }, { target: 'c', sources: ['y'] }] });

describe('rule index', () => {
  it('lists the strict prefixes of a key', () => {
    expect(prefixesOf(['a', 'b', 'c'].join('\u0000'))).toEqual(['a', ['a', 'b'].join('\u0000')]);
    expect(prefixesOf('a')).toEqual([]);
  });

  it('stays right as edits hand it from document to document inside a batch', () => {
    refusedBy(base, { kind: 'batch', edits: [{ kind: 'linkSource', target: 'd.e', source: 'z' }, { kind: 'linkSource', target: 'd', source: 'z' }] });
    refusedBy(base, { kind: 'batch', edits: [{ kind: 'linkSource', target: 'd', source: 'z' }, { kind: 'linkSource', target: 'd.e', source: 'z' }] });
    const doc = applied(base, {
      kind: 'batch',
      edits: [
        { kind: 'linkSource', target: 'd.e', source: 'z' },
        { kind: 'insertTransform', target: 'd.e', index: 0, transform: { kind: 'trim' } },
        { kind: 'removeRule', target: 'd.e' },
        { kind: 'linkSource', target: 'd', source: 'z' },
        { kind: 'linkSource', target: 'd', source: 'w' },
      ],
    });
    expect(doc.rules.map((r) => [r.target, r.sources])).toEqual([
      ['a.b', ['x']],
      ['c', ['y']],
      ['d', ['z', 'w']],
    ]);
    expect(ruleIndex(doc.rules).byKey.get('d')).toBe(2);
  });

  it('still answers for a document whose index was handed on to the next one', () => {
    applied(base, { kind: 'linkSource', target: 'n', source: 'x' });
    // `base` lost its index to the result above; it is rebuilt and does not know `n`.
    expect(applyEdit(base, { kind: 'removeRule', target: 'n' }).ok).toBe(false);
    expect(applyEdit(base, { kind: 'linkSource', target: 'n', source: 'x' }).ok).toBe(true);
    refusedBy(base, { kind: 'linkSource', target: 'a', source: 'x' });
  });

  it('lets a rule move inside its own old target', () => {
    expect(applied(base, { kind: 'retargetRule', target: 'a.b', newTarget: 'a' }).rules[0]!.target).toBe('a');
    const doc = applied(base, { kind: 'retargetRule', target: 'c', newTarget: 'c.d' });
    expect(doc.rules[1]!.target).toBe('c.d');
  });
});
