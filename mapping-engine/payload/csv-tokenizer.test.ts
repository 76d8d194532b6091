import { describe, expect, it } from 'vitest';
import { failure } from '../../tests/helpers/test-support';
import { MapwrightError } from '../errors';
import { CsvTokenizer, printable, type CsvRecord, type CsvTokenizerOptions } from './csv-tokenizer';

interface Run {
  records: CsvRecord[];
  bareQuotes: Array<[number, number]>;
  comments: number[];
  tokenizer: CsvTokenizer;
}

/** Tokenizes `text` fed in pieces of `size` characters (whole when size is 0). */
function tokenize(text: string, options: Partial<CsvTokenizerOptions> = {}, size = 0): Run {
  const run: Run = { records: [], bareQuotes: [], comments: [], tokenizer: undefined as unknown as CsvTokenizer };
  run.tokenizer = new CsvTokenizer(
    { delimiter: ',', quoteChar: '"', ...options },
    {
      record: (record) => {
        run.records.push(record);
      },
      bareQuote: (line, column) => {
        run.bareQuotes.push([line, column]);
      },
      comment: (line) => {
        run.comments.push(line);
      },
    },
  );
  if (size === 0) run.tokenizer.push(text);
  else for (let i = 0; i < text.length; i += size) run.tokenizer.push(text.slice(i, i + size));
  run.tokenizer.end();
  return run;
}

function fieldsOf(run: Run): string[][] {
  return run.records.map((record) => record.fields);
}


describe('CsvTokenizer', () => {
  it('splits fields and records, keeping empty fields', () => {
    expect(fieldsOf(tokenize('a,b,c\n1,,3\n,\n'))).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['', '']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks verbatim', () => {
    const run = tokenize('x,"a,b","say ""hi""","line1\r\nline2\nline3"\n');
    expect(fieldsOf(run)).toEqual([['x', 'a,b', 'say "hi"', 'line1\r\nline2\nline3']]);
  });

  it('accepts LF, CRLF, CR and mixed line endings and records the first one', () => {
    for (const [text, ending] of [
      ['a\nb\n', '\n'],
      ['a\r\nb\r\n', '\r\n'],
      ['a\rb\r', '\r'],
      ['a\r\nb\nc\rd', '\r\n'],
    ] as const) {
      const run = tokenize(text);
      expect(fieldsOf(run).map((fields) => fields[0])).toEqual(text.startsWith('a\r\nb\nc') ? ['a', 'b', 'c', 'd'] : ['a', 'b']);
      expect(run.tokenizer.lineEnding).toBe(ending);
    }
    expect(tokenize('single').tokenizer.lineEnding).toBeUndefined();
  });

  it('skips blank lines but keeps a line holding an empty quoted field', () => {
    expect(fieldsOf(tokenize('a\n\n\r\n""\n\nb'))).toEqual([['a'], [''], ['b']]);
  });

  it('numbers records by physical line, counting line breaks inside quotes', () => {
    const run = tokenize('h1,h2\r\n"multi\r\nline\r\nvalue",x\r\n\r\nlast,row');
    expect(run.records.map((record) => record.line)).toEqual([1, 2, 6]);
  });

  it('keeps a quote inside an unquoted field as text and reports where it was', () => {
    const run = tokenize('id,pos\n1,37°36\'37.8"N 121°2\'17.9"W\n');
    expect(fieldsOf(run)[1]).toEqual(['1', '37°36\'37.8"N 121°2\'17.9"W']);
    expect(run.bareQuotes).toEqual([
      [2, 13],
      [2, 26],
    ]);
  });

  it('rejects a quote inside an unquoted field in strict mode', () => {
    expect(failure(() => tokenize('a,b\nx,a"b\n', { strictQuotes: true, file: 'f.csv' }))).toMatchObject({ code: 'CSV_PARSE', file: 'f.csv', line: 2, column: 4 });
  });

  it('rejects an undoubled quote inside a quoted field at that quote', () => {
    const error = failure(() => tokenize('n;v\n1;"pedro "pdet" holanda"\n', { delimiter: ';' }));
    expect(error).toMatchObject({ code: 'CSV_PARSE', line: 2, column: 10 });
    expect(error.expected).toContain('""');
  });

  it('rejects text after a closing quote, even spaces', () => {
    expect(failure(() => tokenize('"a" ,b'))).toMatchObject({ code: 'CSV_PARSE', line: 1, column: 3 });
  });

  it('reports an unterminated quote at its opening quote, lines later', () => {
    const error = failure(() => tokenize('a,b\n1,"never\nclosed\n\n', {}, 3));
    expect(error).toMatchObject({ code: 'CSV_PARSE', line: 2, column: 3 });
    expect(error.message).toMatch(/never closed/);
  });

  it('reports a record longer than maxFields at its first extra field', () => {
    const run = (text: string): MapwrightError =>
      failure(() => {
        const tokenizer = new CsvTokenizer({ delimiter: ',', quoteChar: '"' }, { record: () => undefined });
        tokenizer.maxFields = 2;
        tokenizer.push(text);
        tokenizer.end();
      });
    expect(run('a,b\n"x\ny",2,3\n')).toMatchObject({ code: 'CSV_PARSE', line: 3, column: 6 });
    expect(run('a,b,')).toMatchObject({ line: 1, column: 5 });
  });

  it('skips comment lines only at the start of a record', () => {
    const run = tokenize('# title\na,b\n"x\n# not a comment",y\n#,z\n', { comments: '#' });
    expect(fieldsOf(run)).toEqual([['a', 'b'], ['x\n# not a comment', 'y']]);
    expect(run.comments).toEqual([1, 5]);
  });

  it('recognises a multi-character comment prefix split across pieces', () => {
    const run = tokenize('//c\r\na\r\n/x\r\n/', { comments: '//' }, 1);
    expect(fieldsOf(run)).toEqual([['a'], ['/x'], ['/']]);
    expect(run.comments).toEqual([1]);
  });

  it('gives identical records, lines and errors whatever the piece size', () => {
    const text = 'a,"b\r\n""c""",d\r\n\r\n"e",f\rg,"h\ni"\n,\r\n"j"';
    const whole = tokenize(text);
    for (const size of [1, 2, 3, 7]) {
      const pieces = tokenize(text, {}, size);
      expect(pieces.records).toEqual(whole.records);
      expect(pieces.tokenizer.lineEnding).toBe(whole.tokenizer.lineEnding);
    }
    for (const size of [1, 2, 5]) expect(failure(() => tokenize('a\r\n"b\r\nc" d', {}, size))).toMatchObject({ line: 3, column: 2 });
  });

  it('stops when the record callback returns false and counts what it consumed', () => {
    const seen: string[][] = [];
    const tokenizer = new CsvTokenizer({ delimiter: ',', quoteChar: '"' }, { record: (record) => seen.push(record.fields) < 2 });
    tokenizer.push('1\n2\n3\n4\n');
    tokenizer.end();
    expect(seen).toEqual([['1'], ['2']]);
    expect(tokenizer.isStopped).toBe(true);
    expect(tokenizer.consumed).toBeLessThan(8);
  });

  it('never throws in lenient mode and drops an unfinished quoted record', () => {
    const run = tokenize('a,"b "c" d"\n1,"open', { lenient: true });
    expect(fieldsOf(run)).toEqual([['a', 'b "c" d']]);
  });

  it('supports another quote character and delimiter', () => {
    expect(fieldsOf(tokenize("'a|b'|'it''s'|c", { delimiter: '|', quoteChar: "'" }))).toEqual([['a|b', "it's", 'c']]);
  });

  it('names TAB in messages', () => {
    expect(printable('\t')).toBe('TAB');
    expect(printable(';')).toBe(';');
  });
});
