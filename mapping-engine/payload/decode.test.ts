import { describe, expect, it } from 'vitest';
import { decodeText, sniffXmlEncoding } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const bytes = bom ? [0xff, 0xfe] : [];
  for (const ch of text) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  return new Uint8Array(bytes);
};

describe('decodeText', () => {
  it('strips exactly one UTF-8 BOM and reports it', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]));
    expect(result).toEqual({ text: '\uFEFFa', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16LE with and without a BOM', () => {
    expect(decodeText(utf16le('id;name\n1;Zoë')).text).toBe('id;name\n1;Zoë');
    expect(decodeText(utf16le('<?xml version="1.0"?><a/>', false), { sniffXmlDeclaration: true })).toMatchObject({ encoding: 'utf-16le' });
  });

  it('honours the XML prolog encoding (ISO-8859-2)', () => {
    const bytes = new Uint8Array([...utf8('<?xml version="1.0" encoding="ISO-8859-2"?><a>'), 0xb3, 0xf3, ...utf8('</a>')]);
    expect(sniffXmlEncoding(bytes)).toBe('ISO-8859-2');
    expect(decodeText(bytes, { sniffXmlDeclaration: true }).text).toContain('<a>łó</a>');
  });

  it('decodes windows-1252 bytes 0x80-0x9F as their characters (euro sign, quotes)', () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe9]);
    expect(decodeText(bytes, { encoding: 'windows-1252' }).text).toBe('€ “a” é');
    expect(decodeText(bytes, { nonUtf8: 'windows-1252' })).toEqual({ text: '€ “a” é', encoding: 'windows-1252', bom: false });
  });

  it('reports invalid UTF-8 as ENCODING with line and column', () => {
    const bytes = new Uint8Array([...utf8('a,b\nok,x'), 0xe9, ...utf8('\n')]);
    expect(() => decodeText(bytes, { file: 'f.csv', nonUtf8: 'error' })).toThrow(
      expect.objectContaining({ code: 'ENCODING', file: 'f.csv', line: 2, column: 5 }),
    );
  });

  it('rejects an unknown encoding label with ENCODING', () => {
    expect(() => decodeText(utf8('x'), { encoding: 'klingon-8' })).toThrow(expect.objectContaining({ code: 'ENCODING' }));
  });

  it('passes strings through, minus a leading BOM', () => {
    expect(decodeText('\uFEFF{"a":1}').text).toBe('{"a":1}');
  });
});
