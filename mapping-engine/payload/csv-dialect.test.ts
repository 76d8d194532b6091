import { describe, expect, it } from 'vitest';
import { delimiterScore, detectCsvDialect } from './csv-dialect';

const detect = (sample: string, comments?: string | false) => detectCsvDialect(sample, { quoteChar: '"', comments });

describe('detectCsvDialect', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['semicolon with decimal commas', 'x;y\n1,5;2,25\n0,1;3,75\n', ';'],
    ['tab with commas in values', 'year\tprice\n2012\t"80,000.65"\n1997\t35,000\n', '\t'],
    ['pipe', 'id|name\n1|a,b\n2|c;d\n', '|'],
    ['semicolon in quoted values of a comma file', 'a,b\n"x;y;z",1\n"p;q",2\n', ','],
    ['ragged rows', 'a\tb\tc\td\n1\t2\n3\t4\t5\n', '\t'],
    ['single column', 'phone\n+31885544\n+5522443\n', ','],
    ['byte 0xFE after closing quotes', 'yearþmake\n"2012"þ"Tesla"\n1997þFord\n', 'þ'],
  ])('%s', (_name, sample, delimiter) => {
    expect(detect(sample).delimiter).toBe(delimiter);
  });

  it('does not take a letter after a malformed quote for a delimiter', () => {
    expect(detect('"a"b\n"c"d\n').delimiter).toBe(',');
  });

  it('prefers the delimiter that keeps unquoted fields free of quotes', () => {
    expect(delimiterScore('a\tb\n1\t"x,y"\n2\t"z,w"\n', ',', '"')).toBe(0);
  });

  it('keeps a header starting with # as data when the table is regular', () => {
    expect(detect('#  A #,b,c\n1,2,3\n4,5,6\n')).toMatchObject({ delimiter: ',', comments: undefined, commentsDetected: false });
  });

  it('detects leading comment lines that would break the table', () => {
    expect(detect('~ Version 1.0\n~ notes here\n1,2,3\n4,5,6\n')).toEqual({ delimiter: ',', comments: '~', commentsDetected: true });
    expect(detect('# tz\n#codes\tTZ\nAD\tEurope/Andorra\nAE\tAsia/Dubai\n')).toMatchObject({ delimiter: '\t', comments: '#' });
  });

  it('honours a given comment prefix or false, and a given delimiter', () => {
    expect(detect('~ x\n1,2\n', false)).toMatchObject({ comments: undefined, commentsDetected: false });
    expect(detect('a;b\n', '%')).toMatchObject({ delimiter: ';', comments: '%', commentsDetected: false });
    expect(detectCsvDialect('~ note\na;b\n1;2\n', { delimiter: ';', quoteChar: '"' })).toMatchObject({ delimiter: ';', comments: '~' });
    expect(detectCsvDialect('a,b\n', { delimiter: '|', quoteChar: '"' }).delimiter).toBe('|');
  });

  it('falls back to a comma for empty input', () => {
    expect(detect('').delimiter).toBe(',');
  });
});
