import { describe, expect, it } from 'vitest';
import { classifyField } from './classify-field';
import { KeyedStream } from './keyed-stream';
import { maskBic } from './mask-shapes';
import { soleTraderParts } from './sole-trader';

describe('people trading under their own name', () => {
  it('are personal data in a supplier column; company names are not', () => {
    for (const name of ['Anna Weber e.K.', 'Dr. Thomas Brandt Rechtsanwalt', 'Julia Schmitt Steuerberaterin', 'Peter Müller e.Kfm.']) {
      expect(classifyField(name, { name: 'Lieferant', parentName: undefined, siblingNames: ['IBAN', 'BIC', 'Betrag'] })?.category, name).toBe('fullName');
    }
    for (const name of ['Nordlicht Druck GmbH', 'Beispiel Logistik AG', 'Muster Bürobedarf KG', 'Thomas Cook']) {
      expect(classifyField(name, { name: 'Lieferant', parentName: undefined, siblingNames: ['IBAN', 'BIC', 'Betrag'] }), name).toBeUndefined();
    }
  });

  it('keep title and marker when masked, the name a plausible one', () => {
    expect(soleTraderParts('Dr. Thomas Brandt Rechtsanwalt')).toEqual({ title: 'Dr. ', name: 'Thomas Brandt', marker: ' Rechtsanwalt' });
    expect(soleTraderParts('Anna Weber e.K.')).toEqual({ title: '', name: 'Anna Weber', marker: ' e.K.' });
  });
});

describe('a masked BIC', () => {
  it('is still a valid BIC: position 7 is never 0 or 1', () => {
    const valid = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
    for (let i = 0; i < 200; i++) {
      const masked = maskBic('BYLADEM1001', new KeyedStream(new Uint8Array(32).fill(7), 'bic', `BYLADEM1001-${i}`));
      expect(masked, masked).toMatch(valid);
    }
  });
});
