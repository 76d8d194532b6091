import { describe, expect, it } from 'vitest';
import { errorWhere } from './error-where';

describe('errorWhere', () => {
  it('gives file:line:column of the parts the error has', () => {
    expect(errorWhere({ file: 'a.json', line: 3, column: 7, message: 'unexpected token' })).toBe('a.json:3:7');
    expect(errorWhere({ file: 'a.json', message: 'not JSON' })).toBe('a.json');
    expect(errorWhere({ message: 'no file' })).toBeUndefined();
  });

  it('leaves the place out when the message already starts with it (ACCESS_DENIED names its file first)', () => {
    expect(errorWhere({ file: '/tmp/picks/order.json', message: '/tmp/picks/order.json: the studio may not read this file' })).toBeUndefined();
    expect(errorWhere({ file: 'a.json', line: 2, message: 'a.json:2: bad' })).toBeUndefined();
  });
});
