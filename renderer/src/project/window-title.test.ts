import { describe, expect, it } from 'vitest';
import { windowTitle } from './window-title';

describe('windowTitle', () => {
  it('marks unsaved work and names the product', () => {
    expect(windowTitle('orders.mapwright.json', false)).toBe('orders.mapwright.json — Mapwright');
    expect(windowTitle('orders.mapwright.json', true)).toBe('● orders.mapwright.json — Mapwright');
  });

  it('says read-only, falls back to Untitled, and takes another product name', () => {
    expect(windowTitle('future.mapwright.json', false, { readOnly: true })).toBe('future.mapwright.json (read-only) — Mapwright');
    expect(windowTitle('  ', true, { appName: 'Studio' })).toBe('● Untitled — Studio');
  });
});
