import { describe, expect, it } from 'vitest';
import { doc, runCompiled } from '../compiler/compiler-test-helpers';
import { readCsv } from '../payload/csv-read';
import { withRecordLines } from './record-lines';
import type { RunErrorData } from './run-types';

async function failure(document: ReturnType<typeof doc>, input: unknown): Promise<RunErrorData> {
  try {
    await runCompiled(document, input);
  } catch (error) {
    return error as RunErrorData;
  }
  throw new Error('the run did not fail');
}

// Row 3 (P-3) starts on line 6: the note of row 2 spans two lines and a blank line follows.
const CSV = 'no,date,iban,note\nP-1,01.07.2024,DE1,a\nP-2,01.07.2024,DE2,"two\nlines"\n\nP-3,02.07.2024,,c\n';

describe('records of a CSV input named by their line', () => {
  it('names a row of a per-record mapping, an element of an array over the rows and a group member by the line it starts on', async () => {
    const input = readCsv(CSV);
    const rows = doc({ recordKey: 'no', recordLabel: 'Payment-No', arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    const lines = doc({ arrays: [{ target: 'Invoice.Line', source: '.', recordKey: 'no' }], rules: [{ target: 'Invoice.Line.iban', sources: ['iban'], required: 'error' }] });
    const grouped = doc({
      arrays: [
        { target: 'blocks', source: '.', groupBy: 'date' },
        { target: 'blocks.txs', source: '$items', recordKey: 'no' },
      ],
      rules: [{ target: 'blocks.txs.iban', sources: ['iban'], required: 'error' }],
    });
    const named = async (d: ReturnType<typeof doc>) => withRecordLines(await failure(d, input.value), d, input).message;
    expect(await named(rows)).toBe('iban is required (Payment-No "P-3", line 6)');
    expect(await named(lines)).toBe('Invoice.Line[].iban is required (line 6: no "P-3")');
    expect(await named(grouped)).toBe('blocks[].txs[].iban is required (line 6: no "P-3")');
  });

  it('leaves other inputs and messages alone', async () => {
    const rows = doc({ arrays: [{ target: '.', source: '.' }], rules: [{ target: 'iban', sources: ['iban'], required: 'error' }] });
    const error = await failure(rows, [{ iban: 'x' }, {}]);
    expect(withRecordLines(error, rows, { format: 'json' })).toBe(error);
    expect(withRecordLines(error, rows, { format: 'csv', meta: {} })).toBe(error);
    expect(withRecordLines({ ...error, message: 'iban is required (record of sales)' }, rows, readCsv(CSV)).message).toBe('iban is required (record of sales)');
  });
});
