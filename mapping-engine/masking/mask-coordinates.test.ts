/**
 * Coordinates of a person's address are personal data and are masked into
 * other valid coordinates of the same shape; a warehouse's are not. A bank
 * identifier (BIC) names an institution: reported, never masked by default.
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../payload/types';
import { classifyField } from './classify-field';
import { maskPayload } from './mask-payload';

const key = new TextEncoder().encode('unit-test-key-unit-test-key-1234');

describe('coordinates and bank identifiers', () => {
  it("finds coordinates in a person's record or position, not a site's", () => {
    const ctx = (name: string, parentName: string | undefined, siblingNames: string[] = []) => ({ name, parentName, siblingNames });
    expect(classifyField(52.520008, ctx('latitude', 'shipping_address'))?.category).toBe('geoCoordinate');
    expect(classifyField('13.404954', ctx('lng', 'customer'))?.category).toBe('geoCoordinate');
    expect(classifyField('52.52,13.40', ctx('coordinates', 'contact'))?.category).toBe('geoCoordinate');
    expect(classifyField(-33.8688, ctx('lat', 'geo'))?.category).toBe('geoCoordinate');
    expect(classifyField(52.52, ctx('lat', 'warehouse', ['code', 'capacity']))).toBeUndefined();
    expect(classifyField('north', ctx('latitude', 'customer'))).toBeUndefined();
    expect(classifyField(500, ctx('latitude', 'customer'))).toBeUndefined();
  });

  it('masks them into coordinates of the same shape and type, and keeps a BIC', () => {
    const input: JsonValue = {
      customer: { email: 'jane.roe@example.org', address: { street: 'Musterweg 1', latitude: 52.520008, longitude: '-13.404954', geo: { lat: 48.1351, lng: 11.582 } } },
      warehouse: { code: 'W1', lat: 50.11, lng: 8.68 },
      payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    };
    const { value, report } = maskPayload(input, { key });
    const out = value as { customer: { address: { latitude: number; longitude: string; geo: { lat: number; lng: number } } }; warehouse: unknown; payment: { bic: string; iban: string } };
    const address = out.customer.address;
    expect(typeof address.latitude).toBe('number');
    expect(address.latitude).not.toBe(52.520008);
    expect(String(address.latitude)).toMatch(/^\d{1,2}\.\d{6}$/);
    expect(address.longitude).toMatch(/^-\d{1,2}\.\d{6}$/);
    expect(address.longitude).not.toBe('-13.404954');
    expect(Math.abs(address.geo.lat)).toBeLessThan(90);
    expect(address.geo.lat).not.toBe(48.1351);
    expect(out.warehouse).toEqual({ code: 'W1', lat: 50.11, lng: 8.68 });
    expect(out.payment.bic).toBe('COBADEFFXXX');
    expect(out.payment.iban).not.toBe('DE89370400440532013000');
    const bic = report.find((e) => e.path === 'payment.bic');
    expect(bic?.category).toBe('bic');
    expect(report.filter((e) => e.category === 'geoCoordinate').map((e) => e.path).sort()).toEqual(['customer.address.geo.lat', 'customer.address.geo.lng', 'customer.address.latitude', 'customer.address.longitude']);
  });
});
