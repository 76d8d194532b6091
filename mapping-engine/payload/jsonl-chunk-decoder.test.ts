import { describe, expect, it } from 'vitest';
import { ChunkDecoder, type ChunkDecoderOptions } from './jsonl-chunk-decoder';

/** Decodes `bytes` fed in pieces of `size` bytes. */
function decodeInPieces(bytes: Uint8Array, size: number, options?: ChunkDecoderOptions): { text: string; decoder: ChunkDecoder } {
  const decoder = new ChunkDecoder(options);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, decoder };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('ChunkDecoder', () => {
  const sample = 'naïve 漢字 😀 end\n';

  it.each([1, 2, 3, 5])('rejoins multi-byte UTF-8 characters split into %i-byte pieces', (size) => {
    const { text, decoder } = decodeInPieces(utf8(sample), size);
    expect(text).toBe(sample);
    expect(decoder.encoding).toBe('utf-8');
  });

  it('removes a UTF-8 BOM even when split across pieces', () => {
    const { text, decoder } = decodeInPieces(utf8(`\ufeff${sample}`), 1);
    expect(text).toBe(sample);
    expect(decoder.bom).toBe(true);
  });

  it('decodes UTF-16LE from its BOM and UTF-16BE sniffed from zero bytes', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0d, 0x01, 0x0a, 0x00]);
    expect(decodeInPieces(le, 1)).toMatchObject({ text: 'ač\n', decoder: { encoding: 'utf-16le', bom: true } });
    const be = new Uint8Array([0x00, 0x61, 0x00, 0x62, 0x00, 0x0a]);
    expect(decodeInPieces(be, 3)).toMatchObject({ text: 'ab\n', decoder: { encoding: 'utf-16be', bom: false } });
  });

  it('uses the declared encoding', () => {
    const sjis = new Uint8Array([0x96, 0xbc, 0x91, 0x4f]);
    expect(decodeInPieces(sjis, 1, { encoding: 'shift_jis' }).text).toBe('名前');
  });

  it('falls back to windows-1252 for CSV when bytes are not UTF-8', () => {
    const bytes = new Uint8Array([...utf8('name\n'), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a, 0x80]);
    const { text, decoder } = decodeInPieces(bytes, 4, { nonUtf8: 'windows-1252' });
    expect(text).toBe('name\nMüller\n€');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('reports invalid UTF-8 as ENCODING with the line reached', () => {
    const bytes = new Uint8Array([...utf8('a\nb\n'), 0xc3, 0x28]);
    expect(() => decodeInPieces(bytes, 2, { file: 'f.jsonl', nonUtf8: 'error' })).toThrowError(expect.objectContaining({ code: 'ENCODING', file: 'f.jsonl', line: 3 }));
  });

  it('reports input that ends inside a character', () => {
    expect(() => decodeInPieces(utf8('ab€').subarray(0, 4), 1, { nonUtf8: 'error' })).toThrowError(expect.objectContaining({ code: 'ENCODING' }));
  });

  it('rejects an unknown encoding label', () => {
    expect(() => decodeInPieces(utf8('abcd'), 4, { encoding: 'klingon' })).toThrowError(expect.objectContaining({ code: 'ENCODING' }));
  });

  it('passes string chunks through, minus a leading BOM', () => {
    const decoder = new ChunkDecoder();
    expect(decoder.push('\ufeffab') + decoder.push('c') + decoder.end()).toBe('abc');
    expect(decoder.bom).toBe(true);
  });
});
