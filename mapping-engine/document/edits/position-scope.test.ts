/**
 * `$position` (an element's place in its array) is read only inside an array
 * context that is not a group, as the compiler compiles it; an edit that would
 * leave it elsewhere (removing the array around it, adding it at the root or
 * directly in a group, grouping its array) is refused, so every accepted edit
 * still compiles (edit-sequence.test.ts found `removeArray lines` on the
 * web-order sample leaving `lines.position` uncompilable).
 */
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  arrays: [{ target: 'lines', source: 'order.items' }],
  rules: [
    { target: 'id', sources: ['order.id'] },
    { target: 'lines.position', sources: ['$position'], transforms: [{ kind: 'arithmetic', op: '*', operand: 10 }] },
  ],
});

describe('$position in edits', () => {
  it('is accepted inside an array context and compiles', () => {
    expect(() => compileDocument(base)).not.toThrow();
    const doc = applied(base, { kind: 'addRule', rule: { target: 'lines.n', sources: ['$position'] } });
    expect(() => compileDocument(doc)).not.toThrow();
  });

  it('keeps its array: removing or grouping the array around it is refused', () => {
    refusedBy(base, { kind: 'removeArray', target: 'lines' });
    refusedBy(base, { kind: 'setArray', target: 'lines', context: { target: 'lines', source: 'order.items', groupBy: 'sku' } });
  });

  it('is refused at the root and directly inside a group', () => {
    refusedBy(base, { kind: 'addRule', rule: { target: 'n', sources: ['$position'] } });
    const grouped = frozenDoc({ arrays: [{ target: 'groups', source: 'order.items', groupBy: 'sku' }], rules: [{ target: 'groups.sku', sources: ['$key'] }] });
    refusedBy(grouped, { kind: 'addRule', rule: { target: 'groups.n', sources: ['$position'] } });
  });
});
