import { describe, expect, it } from 'vitest';
import { transformNodeSchema } from '../../transforms/transform-node';
import { checkTransform, validateTransformParams } from './transform-check';
import { initialTransform, paletteEntry, transformPalette } from './transform-palette';
import { PALETTE_CATEGORIES } from './transform-palette-info';

describe('transformPalette', () => {
  it('lists every transform kind once, each with words, a category and a valid starting node', () => {
    const kinds = transformNodeSchema.options.map((o) => o.shape.kind.value);
    const palette = transformPalette();
    expect(palette.map((e) => e.kind)).toEqual(kinds);
    for (const entry of palette) {
      expect(entry.label.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(0);
      expect(PALETTE_CATEGORIES).toContain(entry.category);
      const lookups = entry.kind === 'lookup' ? { table: {} } : {};
      expect(() => checkTransform(entry.initial, entry.kind, lookups)).not.toThrow();
      expect(validateTransformParams(entry.kind, { ...entry.initial })).toEqual({});
    }
  });

  it('derives parameter forms from the schemas: types, enums, defaults, bounds and required', () => {
    const pad = paletteEntry('pad')!;
    expect(pad.params).toEqual([
      expect.objectContaining({ name: 'width', type: 'integer', required: true, min: 1, max: 1000 }),
      expect.objectContaining({ name: 'char', type: 'string', required: false, default: ' ', minLength: 1 }),
      expect.objectContaining({ name: 'side', type: 'enum', options: ['left', 'right'], default: 'left', required: false }),
    ]);
    const split = paletteEntry('split')!.params.find((p) => p.name === 'index')!;
    expect(split).not.toHaveProperty('min'); // unbounded integers carry no fake bounds
    expect(paletteEntry('valueMap')!.params[0]).toMatchObject({ name: 'entries', type: 'entries', required: true });
    expect(paletteEntry('constant')!.params[0]).toMatchObject({ name: 'value', type: 'scalar' });
    expect(paletteEntry('filter')!.params[0]).toMatchObject({ type: 'predicate', options: expect.arrayContaining(['=', 'in']) });
    expect(paletteEntry('parseBoolean')!.params[0]).toMatchObject({ type: 'stringList', default: ['true', 'yes', 'y', '1'] });
    expect(paletteEntry('lookup')!.params[0]).toMatchObject({ name: 'table', type: 'lookupTable' });
    expect(paletteEntry('date')!.params.find((p) => p.name === 'from')!.suggestions).toContain('dd.MM.yyyy');
    expect(paletteEntry('nope')).toBeUndefined();
  });

  it('starts a lookup on the document’s first table', () => {
    expect(initialTransform('lookup', { countries: {} })).toMatchObject({ kind: 'lookup', table: 'countries' });
    expect(initialTransform('nope')).toBeUndefined();
  });
});

describe('validateTransformParams', () => {
  it('is empty for valid parameters', () => {
    expect(validateTransformParams('date', { from: 'dd.MM.yyyy', to: 'iso' })).toEqual({});
  });

  it('names each failing parameter', () => {
    expect(Object.keys(validateTransformParams('pad', { width: 0, side: 'middle' })).sort()).toEqual(['side', 'width']);
    expect(Object.keys(validateTransformParams('split', {}))).toEqual(['separator']);
    expect(Object.keys(validateTransformParams('trim', { extra: 1 }))).toEqual(['extra']);
    expect(Object.keys(validateTransformParams('nope', {}))).toEqual(['']);
  });

  it('puts compile failures on the parameter they concern', () => {
    expect(Object.keys(validateTransformParams('replace', { pattern: '([a-z', replacement: '', regex: true }))).toEqual(['pattern']);
    expect(Object.keys(validateTransformParams('date', { from: 'dd.MM.yyyy', to: 'd/M/y' }))).toEqual(['to']);
    expect(Object.keys(validateTransformParams('date', { from: 'dd.QQ.yyyy', to: 'iso' }))).toEqual(['from']);
    expect(Object.keys(validateTransformParams('custom', { expression: '$value +' }))).toEqual(['expression']);
    expect(Object.keys(validateTransformParams('condition', { when: { op: '=', value: [1, 2] } }))).toEqual(['when']);
  });
});
