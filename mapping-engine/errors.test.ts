import { describe, expect, it } from 'vitest';
import { ERROR_LINE_MAX_MESSAGE, formatErrorLine } from './errors';

describe('formatErrorLine', () => {
  it('joins a multi-line message into one line', () => {
    const line = formatErrorLine({ code: 'XML_PARSE', message: 'bad\n   tag \r\n here', file: 'a.xml', line: 3, column: 4 });
    expect(line).toBe('XML_PARSE a.xml:3:4: bad tag here');
  });

  it('keeps whitespace runs without a line break', () => {
    expect(formatErrorLine({ code: 'USAGE', message: 'a   b' })).toBe('USAGE: a   b');
  });

  // Liveness: the old `\s*\n\s*` replace was quadratic here (1M spaces never finished).
  it('formats a million characters of whitespace and cuts the message, keeping code and place', () => {
    const message = `E${' '.repeat(1_000_000)}`;
    const line = formatErrorLine({ code: 'RUN_EVALUATION', message, file: 'x.jsonata', line: 1, column: 2, expected: ' '.repeat(500_000) });
    expect(line.startsWith('RUN_EVALUATION x.jsonata:1:2: E')).toBe(true);
    expect(line.length).toBeLessThan(3 * ERROR_LINE_MAX_MESSAGE);
  });

  it('formats a million line breaks into one short line', () => {
    const line = formatErrorLine({ code: 'JSON_PARSE', message: `a${'\n'.repeat(1_000_000)}b`, file: 'f.json' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line.startsWith('JSON_PARSE f.json: a ')).toBe(true);
  });
});
