import { describe, expect, it } from 'vitest';
import { markerForError, markersForFields, positionAt } from './editor-markers';

const text = '{\n  "a": $x,\r\n  "b": $uppercase(name)\r  "c": 1\n}';

describe('positionAt', () => {
  it('counts LF, CRLF and a lone CR as one line break each', () => {
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, text.indexOf('"a"'))).toEqual({ line: 2, column: 3 });
    expect(positionAt(text, text.indexOf('"b"'))).toEqual({ line: 3, column: 3 });
    expect(positionAt(text, text.indexOf('"c"'))).toEqual({ line: 4, column: 3 });
  });

  it('clamps offsets outside the text', () => {
    expect(positionAt(text, -5)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});

describe('markerForError', () => {
  it('covers the word at the error position', () => {
    const marker = markerForError(text, { code: 'COMPILE_PARSE', message: 'bad', line: 3, column: 8 });
    expect(marker).toEqual({ startLineNumber: 3, startColumn: 8, endLineNumber: 3, endColumn: 8 + '$uppercase'.length, message: 'bad', code: 'COMPILE_PARSE' });
  });

  it('covers one character on punctuation and clamps a position past the end of its line', () => {
    expect(markerForError(text, { code: 'COMPILE_PARSE', message: 'x', line: 1, column: 1 })).toMatchObject({ startColumn: 1, endColumn: 2 });
    expect(markerForError(text, { code: 'COMPILE_PARSE', message: 'x', line: 5, column: 40 })).toMatchObject({ startLineNumber: 5, startColumn: 2, endColumn: 3 });
    expect(markerForError(text, { code: 'COMPILE_PARSE', message: 'x', line: 99, column: 1 })).toMatchObject({ startLineNumber: 5 });
  });

  it('gives no marker for an error without a position', () => {
    expect(markerForError(text, { code: 'ACCESS_DENIED', message: 'no' })).toBeUndefined();
  });
});

describe('markersForFields', () => {
  it('marks each field error on its span and skips unknown or unplaced fields', () => {
    const start = text.indexOf('$uppercase');
    const end = text.indexOf(')') + 1;
    const markers = markersForFields(text, { b: { start, end }, broken: { start: 5, end: 999 } }, [
      { field: 'b', code: 'RUN_FIELD', message: 'is required' },
      { field: 'missing', code: 'RUN_FIELD', message: 'x' },
      { code: 'RUN_FIELD', message: 'no field' },
      { field: 'broken', code: 'RUN_FIELD', message: 'x' },
    ]);
    expect(markers).toEqual([
      { startLineNumber: 3, startColumn: 8, endLineNumber: 3, endColumn: 8 + '$uppercase(name)'.length, message: 'b: is required', code: 'RUN_FIELD' },
    ]);
  });
});
