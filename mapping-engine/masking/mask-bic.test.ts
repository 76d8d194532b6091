/**
 * A BIC that masking changes (only when the policy names its field `always`:
 * a bank is not a person) must still pass the BIC pattern of the SEPA XSDs
 * (pain.001.001.03 BICIdentifier): position 7 never 0 or 1, position 8 never
 * the letter O, whatever the input's letters and digits are there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedStream } from './keyed-stream';
import { maskBic } from './mask-shapes';

const xsd = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xsd', 'sepa', 'pain.001.001.03.xsd'), 'utf8');
const pattern = /name="BICIdentifier">[\s\S]*?<xs:pattern value="([^"]+)"/.exec(xsd)?.[1];

describe('a masked BIC', () => {
  it('matches the SEPA XSD pattern for every key, with letters or digits at positions 7 and 8', () => {
    expect(pattern).toBe('[A-Z]{6,6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3,3}){0,1}');
    const valid = new RegExp(`^(?:${pattern})$`);
    // DEUTDEFF (letters at 7 and 8: masked by class, the 8th could become O), GENODE61KRE (a digit at 7).
    for (const bic of ['DEUTDEFF', 'COBADEFFXXX', 'GENODE61KRE', 'BYLADEM1001', 'GENODEM1GLS']) {
      for (let i = 0; i < 300; i++) {
        const masked = maskBic(bic, new KeyedStream(new Uint8Array(32).fill(i % 251), 'bic', `${bic}-${i}`));
        expect(masked, `${bic} -> ${masked}`).toMatch(valid);
        expect(masked.slice(4, 6)).toBe(bic.slice(4, 6));
      }
    }
  });

  it('is the same for the same key and input', () => {
    const once = () => maskBic('DEUTDEFF', new KeyedStream(new Uint8Array(32).fill(3), 'bic', 'DEUTDEFF'));
    expect(once()).toBe(once());
  });
});
