import { describe, expect, it } from 'vitest';
import { readCsv } from '../../payload/csv-read';
import { cutCsv, cutLines } from './slice-cut';

const comma = { quote: 0x22, delimiter: 0x2c };
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Every prefix the cutter allows holds whole records: reading the pieces apart gives the rows of the whole. */
function piecesAgree(text: string, max: number): void {
  const all = bytes(text);
  const whole = readCsv(all, { header: false, delimiter: ',' }).value;
  const rows: unknown[] = [];
  let start = 0;
  while (start < all.length) {
    const { cut } = cutCsv(all, start, all.length, max, comma);
    const end = cut === 0 ? all.length : cut;
    rows.push(...(readCsv(all.subarray(start, end), { header: false, delimiter: ',' }).value as unknown[]));
    start = end;
  }
  expect(rows).toEqual(whole);
}

describe('cutCsv', () => {
  it('cuts only after a line feed outside quotes', () => {
    const text = 'a,"line one\nline two",b\nc,d,e\n';
    expect(cutCsv(bytes(text), 0, text.length, 10, comma)).toEqual({ cut: text.length, records: 2 });
    expect(cutCsv(bytes(text), 0, text.length, 1, comma)).toEqual({ cut: text.indexOf('b\n') + 2, records: 1 });
  });

  it('keeps doubled quotes inside the field and reads a quote inside an unquoted field as a literal', () => {
    const text = 'a,"say ""hi""\nthere"\nx"y,"z\n"\nlast\n';
    piecesAgree(text, 1);
    expect(cutCsv(bytes(text), 0, text.length, 10, comma).records).toBe(3);
  });

  it('leaves a record whose quoted field is still open at the end of the block for the next', () => {
    const text = 'a,b\nc,"open\nstill';
    expect(cutCsv(bytes(text), 0, text.length, 10, comma)).toEqual({ cut: 4, records: 1 });
    // A quote as the last byte may be doubled by the next byte: not decided yet.
    const edge = 'a,b\nc,"x"';
    expect(cutCsv(bytes(edge), 0, edge.length, 10, comma)).toEqual({ cut: 4, records: 1 });
  });

  it('treats the start (after a byte-order mark) as the start of a field, and CRLF as one line break', () => {
    const text = '\ufeff"id","note"\r\n1,"a\r\nb"\r\n2,c\r\n';
    const all = bytes(text);
    expect(cutCsv(all, 3, all.length, 10, comma)).toEqual({ cut: all.length, records: 3 });
    piecesAgree('"id","note"\r\n1,"a\r\nb"\r\n2,c\r\n', 1);
  });
});

describe('cutLines', () => {
  it('cuts after at most so many lines', () => {
    const text = '{"a":1}\n{"a":2}\r\n\n{"a":3}';
    expect(cutLines(bytes(text), 0, text.length, 2)).toEqual({ cut: text.indexOf('\r\n') + 2, records: 2 });
    expect(cutLines(bytes(text), 0, text.length, 10)).toEqual({ cut: text.lastIndexOf('\n') + 1, records: 3 });
  });
});
