import { describe, expect, it } from 'vitest';
import { isInside, pageValue } from './source-value';

const page = (format: 'json' | 'csv', texts: string[], truncated = false) => ({
  format,
  page: 0,
  pageSize: 20,
  records: texts.map((text, index) => ({ index, text, truncated })),
  total: texts.length,
  totalExact: true,
  truncated: false,
});

describe('pageValue', () => {
  it('is the one document of a JSON payload and the records of a CSV one', () => {
    expect(pageValue(page('json', ['{"a":1}']))).toEqual({ a: 1 });
    expect(pageValue(page('csv', ['{"a":"1"}', '{"a":"2"}']))).toEqual([{ a: '1' }, { a: '2' }]);
    expect(pageValue(page('json', ['{"a":'], true))).toBeUndefined();
  });
});

describe('isInside', () => {
  it('matches the path itself and what lies below it, not a sibling with the same prefix', () => {
    expect(isInside('contacts[1].value', ['contacts[1]'])).toBe(true);
    expect(isInside('contacts[1].value', ['contacts[1].value'])).toBe(true);
    expect(isInside('contactsX', ['contacts'])).toBe(false);
  });
});
