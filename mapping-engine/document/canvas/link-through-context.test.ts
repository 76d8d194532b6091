import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { applyEdit } from '../edits/apply-edit';
import { frozenDoc } from '../edits/edit-test-helpers';
import type { CanvasField } from './link-check';
import { linkThroughContext } from './link-through-context';

function field(names: string[], repeats: boolean[], hasChildren = false): CanvasField {
  return { names, repeats, hasChildren };
}

describe('linkThroughContext', () => {
  it('adds the missing array context over the source list and links, as one batch the engine accepts', () => {
    const doc = frozenDoc({ rules: [{ target: 'id', sources: ['accountId'] }] });
    const offer = linkThroughContext(doc, field(['contacts', 'value'], [true, false]), field(['channels', 'address'], [true, false]));
    expect(offer?.contexts).toEqual([{ target: 'channels', source: 'contacts' }]);
    const result = applyEdit(doc, offer!.edit);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.arrays).toEqual([{ target: 'channels', source: 'contacts' }]);
    expect(result.document.rules.find((r) => r.target === 'channels.address')?.sources).toEqual(['value']);
    expect(compileDocument(result.document).expression).toContain('contacts');
  });

  it('adds nested contexts for a list in a list, each over the matching source level', () => {
    const doc = frozenDoc({});
    const offer = linkThroughContext(doc, field(['orders', 'lines', 'sku'], [true, true, false]), field(['invoices', 'items', 'code'], [true, true, false]));
    expect(offer?.contexts).toEqual([
      { target: 'invoices', source: 'orders' },
      { target: 'invoices.items', source: 'lines' },
    ]);
    expect(applyEdit(doc, offer!.edit).ok).toBe(true);
  });

  it('offers nothing when the drop links already, or fails for another reason', () => {
    const doc = frozenDoc({});
    expect(linkThroughContext(doc, field(['a'], [false]), field(['b'], [false]))).toBeUndefined();
    expect(linkThroughContext(doc, field(['billing'], [false], true), field(['name'], [false]))).toBeUndefined();
    // A target in a list with a source outside any list: no list to iterate.
    expect(linkThroughContext(doc, field(['accountId'], [false]), field(['lines', 'id'], [true, false]))).toBeUndefined();
  });
});
