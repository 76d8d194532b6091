/** readXml decoding: BOMs, declared encodings, UTF-16 with and without BOM, undecodable bytes. Byte arrays are built by hand. */
import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { readXml } from './xml-read';

/** One byte per character: for Latin-1-compatible text written in an 8-bit encoding. */
function bytes(text: string, map: Record<string, number> = {}): Uint8Array {
  return Uint8Array.from(Array.from(text, (ch) => map[ch] ?? ch.charCodeAt(0)));
}

/** UTF-16 code units as bytes, little- or big-endian, with an optional BOM. */
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (ch) => ch.charCodeAt(0))];
  return Uint8Array.from(units.flatMap((unit) => (littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff])));
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

describe('readXml: encodings', () => {
  it('reads UTF-8 with and without a BOM, removing exactly one BOM', () => {
    const doc = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><r>Grüße €</r>');
    expect(readXml(doc)).toMatchObject({ value: { r: 'Grüße €' }, encoding: 'utf-8' });
    expect(readXml(concat(Uint8Array.of(0xef, 0xbb, 0xbf), doc)).value).toEqual({ r: 'Grüße €' });
    expect(readXml('\ufeff<r>x</r>').value).toEqual({ r: 'x' });
  });

  it('reads ISO-8859-1 declared in the prolog', () => {
    const doc = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><r a="é">Müller ÿ</r>');
    expect(readXml(doc)).toMatchObject({ value: { r: { '@a': 'é', '#text': 'Müller ÿ' } }, encoding: 'windows-1252' });
  });

  it('reads ISO-8859-2 declared in the prolog', () => {
    // 0xB3 is ł and 0xA9 is Š in ISO-8859-2 (³ and © in Latin-1).
    const doc = bytes("<?xml version='1.0' encoding='iso-8859-2'?><r>Łódź Šš</r>", { Ł: 0xa3, ó: 0xf3, ź: 0xbc, Š: 0xa9, š: 0xb9 });
    expect(readXml(doc)).toMatchObject({ value: { r: 'Łódź Šš' }, encoding: 'iso-8859-2' });
  });

  it('reads windows-1252 declared in the prolog', () => {
    const doc = bytes('<?xml version="1.0" encoding="windows-1252"?><r>Café ½</r>');
    expect(readXml(doc)).toMatchObject({ value: { r: 'Café ½' }, encoding: 'windows-1252' });
  });

  // decodeText repairs Node 20's faulty windows-1252 decoding of 0x80-0x9F (nodejs/node#60888).
  it('reads windows-1252 0x80-0x9F (euro sign, en dash)', () => {
    const doc = bytes('<?xml version="1.0" encoding="windows-1252"?><r>5 € – ok</r>', { '€': 0x80, '–': 0x96 });
    expect(readXml(doc).value).toEqual({ r: '5 € – ok' });
  });

  it.each([
    ['UTF-16LE with BOM', true, true],
    ['UTF-16BE with BOM', false, true],
    ['UTF-16LE without BOM', true, false],
    ['UTF-16BE without BOM', false, false],
  ])('reads %s', (_name, littleEndian, bom) => {
    const doc = utf16('<?xml version="1.0" encoding="UTF-16"?>\n<r a="ä">Ωmega</r>', littleEndian, bom);
    const result = readXml(doc);
    expect(result.value).toEqual({ r: { '@a': 'ä', '#text': 'Ωmega' } });
    expect(result.encoding).toBe(littleEndian ? 'utf-16le' : 'utf-16be');
  });

  it('reads a file that declares UTF-16 but is ASCII-compatible as UTF-8, with a warning', () => {
    const { value, warnings } = readXml(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><r>é</r>'));
    expect(value).toEqual({ r: 'é' });
    expect(warnings.map((w) => w.code)).toEqual(['XML_ENCODING_LABEL_IGNORED']);
  });

  it('honours an encoding chosen by the user over the declaration', () => {
    const doc = bytes('<?xml version="1.0" encoding="UTF-8"?><r>é</r>');
    expect(readXml(doc, { encoding: 'iso-8859-1' }).value).toEqual({ r: 'é' });
  });

  it('rejects undeclared non-UTF-8 bytes with ENCODING at their line and column', () => {
    const doc = bytes('<r>\n  caf\u00e9</r>');
    try {
      readXml(doc, { file: 'latin1.xml' });
      expect.unreachable('readXml accepted Latin-1 bytes as UTF-8');
    } catch (error) {
      expect(error).toBeInstanceOf(MapwrightError);
      expect((error as MapwrightError).toJSON()).toMatchObject({ code: 'ENCODING', file: 'latin1.xml', line: 2, column: 6 });
    }
  });
});
