import { describe, expect, it } from 'vitest';
import { wrapFocus } from './focus-trap';

describe('wrapFocus', () => {
  const items = ['xlsx', 'tests', 'cancel', 'export'];

  it('wraps Tab from the last control to the first, and Shift+Tab from the first to the last', () => {
    expect(wrapFocus(items, 'export', false)).toBe('xlsx');
    expect(wrapFocus(items, 'xlsx', true)).toBe('export');
  });

  it('leaves moves inside the dialog to the browser', () => {
    expect(wrapFocus(items, 'tests', false)).toBeUndefined();
    expect(wrapFocus(items, 'cancel', true)).toBeUndefined();
  });

  it('brings focus from outside back in, at the end it moves towards', () => {
    expect(wrapFocus(items, 'page', false)).toBe('xlsx');
    expect(wrapFocus(items, null, true)).toBe('export');
  });

  it('does nothing without controls', () => {
    expect(wrapFocus([], 'page', false)).toBeUndefined();
  });
});
