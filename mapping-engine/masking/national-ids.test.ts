import { describe, expect, it } from 'vitest';
import { classifyField } from './classify-field';
import { maskText } from './mask-value';
import { isDutchBsn, isFrenchNir, isGermanTaxId, isSpanishId, isUsSsn } from './national-ids';

const key = new TextEncoder().encode('national-id-test-key-0123456789ab');

describe('national IDs', () => {
  it('checks control characters', () => {
    expect(isSpanishId('12345678Z')).toBe(true);
    expect(isSpanishId('12345678A')).toBe(false);
    expect(isSpanishId('X1234567L')).toBe(true);
    expect(isFrenchNir('1 85 05 78 006 084 91')).toBe(true);
    expect(isFrenchNir('185057800608492')).toBe(false);
    expect(isDutchBsn('111222333')).toBe(true);
    expect(isDutchBsn('111222334')).toBe(false);
    expect(isGermanTaxId('86095742719')).toBe(true);
    expect(isGermanTaxId('86095742718')).toBe(false);
    expect(isUsSsn('123-45-6789')).toBe(true);
    expect(isUsSsn('666-45-6789')).toBe(false);
  });

  it.each([
    ['12345678Z', isSpanishId],
    ['X1234567L', isSpanishId],
    ['1 85 05 78 006 084 91', isFrenchNir],
    ['111222333', isDutchBsn],
    ['86095742719', isGermanTaxId],
    ['123-45-6789', isUsSsn],
  ] as const)('masks %s to another valid ID of the same kind and layout', (id, valid) => {
    const masked = maskText('nationalId', id, key);
    expect(masked).not.toBe(id);
    expect(valid(masked)).toBe(true);
    expect(masked.replace(/[0-9A-Z]/g, 'x')).toBe(id.replace(/[0-9A-Z]/g, 'x'));
    expect(maskText('nationalId', id, key)).toBe(masked);
  });

  it('detects checksummed IDs by value but not plain numbers', () => {
    const ctx = { name: 'ref', parentName: undefined, siblingNames: [] };
    expect(classifyField('12345678Z', ctx)?.category).toBe('nationalId');
    expect(classifyField('1 85 05 78 006 084 91', ctx)?.category).toBe('nationalId');
    expect(classifyField('111222333', ctx)).toBeUndefined();
    expect(classifyField('111222333', { ...ctx, name: 'bsn' })?.category).toBe('nationalId');
  });
});
