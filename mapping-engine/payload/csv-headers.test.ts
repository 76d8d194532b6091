import { describe, expect, it } from 'vitest';
import { positionalHeaders, uniqueHeaders } from './csv-headers';

describe('uniqueHeaders', () => {
  it('keeps distinct names unchanged', () => {
    expect(uniqueHeaders(['id', 'Name', 'name', ' spaced '])).toEqual(['id', 'Name', 'name', ' spaced ']);
  });

  it('numbers repeated names from _2', () => {
    expect(uniqueHeaders(['a', 'a', 'b', 'a'])).toEqual(['a', 'a_2', 'b', 'a_3']);
  });

  it('names empty and blank headers by position', () => {
    expect(uniqueHeaders(['a', '', '  ', 'b'])).toEqual(['a', 'column_2', 'column_3', 'b']);
  });

  it('never collides with a header that already has the suffix', () => {
    expect(uniqueHeaders(['a', 'a', 'a_2'])).toEqual(['a', 'a_3', 'a_2']);
    expect(uniqueHeaders(['column_2', ''])).toEqual(['column_2', 'column_2_2']);
    const keys = uniqueHeaders(['x', 'x', 'x_2', 'x', '', 'column_5']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('positionalHeaders', () => {
  it('names columns column_1... from a given position', () => {
    expect(positionalHeaders(3)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(positionalHeaders(4, 2)).toEqual(['column_3', 'column_4']);
  });
});
