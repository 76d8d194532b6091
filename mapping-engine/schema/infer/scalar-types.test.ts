import { describe, expect, it } from 'vitest';
import { formatHint, jsonEvidence, stringEvidence, textEvidence } from './scalar-types';

describe('textEvidence (CSV cells, XML text)', () => {
  it.each([
    ['42', 'integer'],
    ['-7', 'integer'],
    ['0', 'integer'],
    ['3.14', 'number'],
    ['-0.5', 'number'],
    ['TRUE', 'boolean'],
    ['false', 'boolean'],
    ['True', 'boolean'],
  ])('%s reads as %s', (text, type) => {
    expect(textEvidence(text)?.type).toBe(type);
  });

  it.each([
    ['007', 'leading zero'],
    ['01234', 'postcode'],
    ['00.5', 'leading zero before the point'],
    ['+5', 'leading plus'],
    ['3,14', 'decimal comma'],
    ['.5', 'no digit before the point'],
    ['5.', 'no digit after the point'],
    ['1e5', 'exponent'],
    ['1 000', 'digit grouping'],
    ['1234567890123456', 'more digits than a double holds exactly'],
    ['yes', 'not a boolean literal'],
  ])('%s stays a string (%s)', (text) => {
    expect(textEvidence(text)?.type).toBe('string');
  });

  it('gives no evidence for an empty value', () => {
    expect(textEvidence('')).toBeUndefined();
  });

  it('reads ISO dates, date-times and times', () => {
    expect(textEvidence('2024-02-29')).toEqual({ type: 'date', format: 'date' });
    expect(textEvidence('2008-01-10T11:00:00-05:00')).toEqual({ type: 'datetime', format: 'date-time' });
    expect(textEvidence('2019-05-15T15:20:30Z')).toEqual({ type: 'datetime', format: 'date-time' });
    expect(textEvidence('2019-05-15T15:20:30.125')).toEqual({ type: 'datetime', format: 'date-time' });
    expect(textEvidence('23:59:60')).toEqual({ type: 'time', format: 'time' });
  });

  it('keeps impossible or non-ISO dates as strings', () => {
    expect(textEvidence('2023-02-29')?.type).toBe('string');
    expect(textEvidence('2023-13-01')?.type).toBe('string');
    expect(textEvidence('15.05.2019')?.type).toBe('string');
    expect(textEvidence('05/15/2019')?.type).toBe('string');
    expect(textEvidence('2019-05-15T25:00:00Z')?.type).toBe('string');
    expect(textEvidence('2019-05-15 15:20')?.type).toBe('string');
  });
});

describe('jsonEvidence', () => {
  it('keeps JSON types and never reads numbers out of strings', () => {
    expect(jsonEvidence(5)).toEqual({ type: 'integer' });
    expect(jsonEvidence(5.5)).toEqual({ type: 'number' });
    expect(jsonEvidence(true)).toEqual({ type: 'boolean' });
    expect(jsonEvidence('42')).toEqual({ type: 'string' });
    expect(jsonEvidence('true')).toEqual({ type: 'string' });
  });

  it('refines strings into dates', () => {
    expect(jsonEvidence('2024-01-31').type).toBe('date');
    expect(jsonEvidence('2024-01-31T08:00:00Z').type).toBe('datetime');
  });
});

describe('format hints', () => {
  it('recognises email, uri and uuid', () => {
    expect(formatHint('bob.norman@hostmail.com')).toBe('email');
    expect(formatHint('https://api.github.com/users/Codertocat')).toBe('uri');
    expect(formatHint('urn:isbn:0451450523')).toBe('uri');
    expect(formatHint('123e4567-e89b-12d3-a456-426614174000')).toBe('uuid');
    expect(stringEvidence('21031067+Codertocat@users.noreply.github.com')).toEqual({ type: 'string', format: 'email' });
  });

  it('gives no hint for ordinary text', () => {
    expect(formatHint('Hello World')).toBeUndefined();
    expect(formatHint('not an @email')).toBeUndefined();
    expect(formatHint('Note: call back')).toBeUndefined();
    expect(formatHint('')).toBeUndefined();
  });
});
