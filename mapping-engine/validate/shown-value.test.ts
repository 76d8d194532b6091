import { describe, expect, it } from 'vitest';
import { shownValue } from './shown-value';
import { validateWithJsonSchema } from './validate-json-schema';

describe('shownValue', () => {
  it('shows texts and numbers by their shape, booleans and null as they are', () => {
    expect(shownValue('Anna Schmidt')).toBe('a value shaped "Aaaa Aaaaaaa"');
    expect(shownValue(4930123)).toBe('a value shaped "9999999"');
    expect(shownValue(true)).toBe('true');
    expect(shownValue(null)).toBe('null');
  });

  it('keeps output values out of violation messages', () => {
    const schema = { type: 'object', properties: { status: { enum: ['ACTIVE', 'INACTIVE'] } } };
    const [violation] = validateWithJsonSchema({ status: 'anna@example.org' }, schema);
    expect(violation).toMatchObject({ code: 'MAP_ENUM', path: 'status' });
    expect(violation!.message).not.toContain('anna');
    expect(violation!.message).toBe('a value shaped "aaaa*aaaaaaa.aaa" is not one of "ACTIVE", "INACTIVE"');
  });
});
