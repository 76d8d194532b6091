import { describe, expect, it } from 'vitest';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { joinOffer } from './join-offer';

/** Only the rules matter to the offer. */
const doc = (rules: { target: string; sources: string[]; transforms: { kind: string }[] }[]) => ({ rules }) as unknown as MappingDocument;
const text = { repeating: false, type: 'string' };

describe('joinOffer', () => {
  it('offers Concatenate with a space for a text field given a second source and no transform', () => {
    expect(joinOffer(doc([{ target: 'line1', sources: ['street', 'city'], transforms: [] }]), 'line1', text)).toEqual({ target: 'line1', sources: 2, join: { kind: 'concat', separator: ' ' } });
  });

  it('warns without a join for a field of another type', () => {
    expect(joinOffer(doc([{ target: 'total', sources: ['a', 'b'], transforms: [] }]), 'total', { repeating: false, type: 'number' })).toEqual({ target: 'total', sources: 2 });
  });

  it('offers nothing for one source, a chain that may combine them, or a field that repeats', () => {
    expect(joinOffer(doc([{ target: 'line1', sources: ['street'], transforms: [] }]), 'line1', text)).toBeUndefined();
    expect(joinOffer(doc([{ target: 'line1', sources: ['street', 'city'], transforms: [{ kind: 'concat' }] }]), 'line1', text)).toBeUndefined();
    expect(joinOffer(doc([{ target: 'labels', sources: ['tags', 'status'], transforms: [] }]), 'labels', { repeating: true, type: 'string' })).toBeUndefined();
  });
});
