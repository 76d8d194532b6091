import { describe, expect, it } from 'vitest';
import { scanNames } from './name-in-text';

/** The names found, as `word:category`. */
function names(text: string): string[] {
  return scanNames(text).map((s) => `${text.slice(s.start, s.end)}:${s.category}`);
}

describe('scanNames', () => {
  it('finds a given name and the family name after it', () => {
    expect(names('Call Anna Schmidt about the invoice')).toEqual(['Anna:firstName', 'Schmidt:lastName']);
    expect(names('Maria will pick it up')).toEqual(['Maria:firstName']);
    expect(names('Thanks Lucía García-Márquez!')).toEqual(['Lucía:firstName', 'García-Márquez:lastName']);
  });

  it('finds family names after a form of address, with or without a dot', () => {
    expect(names('Rückruf an Frau Weiß bitte')).toEqual(['Weiß:lastName']);
    expect(names("Ask Mr. O'Brien and Dr. Anna Lee")).toEqual(["O'Brien:lastName", 'Anna:firstName', 'Lee:lastName']);
  });

  it('takes ordinary words that are also given names only with a family name', () => {
    expect(names('Will you ship in May? Mark the order as paid.')).toEqual([]);
    expect(names('Ship to Paris by Friday, Bill to the head office')).toEqual([]);
    expect(names('Ruby Rose called twice')).toEqual(['Ruby:firstName', 'Rose:lastName']);
  });

  it('leaves acronyms, lower-case words, brands and clause starts alone', () => {
    expect(names('ANNA asked about the IPod Nano; DHL Express delivers')).toEqual([]);
    expect(names('anna schmidt')).toEqual([]);
    expect(names('Jackson & Sons, Meeting on Monday')).toEqual([]);
    // A day, a month or a new sentence does not continue a name.
    expect(names('Anna Monday')).toEqual(['Anna:firstName']);
    expect(names('Anna. The parcel')).toEqual(['Anna:firstName']);
  });
});
