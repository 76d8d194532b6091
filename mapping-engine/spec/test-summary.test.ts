import { describe, expect, it } from 'vitest';
import { testCaseSchema } from '../document/document-schema';
import { summariseTests } from './test-summary';

const expected = testCaseSchema.parse({ name: 'output', input: 'in.json', expected: 'out.json' });
const failing = testCaseSchema.parse({ name: 'fails', input: 'bad.json', expectError: 'customerSince' });

describe('summariseTests', () => {
  it('keeps only the error code of a case that could not run', () => {
    const [row] = summariseTests([expected], [{ name: 'output', outcome: 'error', message: 'JSON_PARSE in.json:3:7: unexpected "Jane Doe"' }]);
    expect(row).toEqual({ name: 'output', input: 'in.json', expects: 'output out.json', outcome: 'error', message: 'the case could not run (JSON_PARSE)' });
  });

  it('says a run that should have produced output failed, with its code and no value', () => {
    const [row] = summariseTests([expected], [{ name: 'output', outcome: 'failure', message: 'the run failed: RUN_EVALUATION in.json: address.country: unknown key in table countries "XX"' }]);
    expect(row!.message).toBe('the run failed (RUN_EVALUATION)');
  });

  it('says an expected error did not happen', () => {
    const [row] = summariseTests([failing], [{ name: 'fails', outcome: 'failure', message: 'expected an error matching "customerSince", but the mapping produced a result' }]);
    expect(row).toMatchObject({ outcome: 'failed', expects: 'an error matching "customerSince"', message: 'the mapping produced a result instead of the expected error' });
  });

  it('caps the differing paths and drops the value part of each line', () => {
    const details = Array.from({ length: 30 }, (_, i) => `field${i}: expected ${i}, got "secret ${i}"`).join('\n');
    const [row] = summariseTests([expected], [{ name: 'output', outcome: 'failure', message: '30 difference(s) from out.json', details }]);
    expect(row!.differingPaths).toHaveLength(20);
    expect(row!.differingPaths![0]).toBe('field0');
    expect(JSON.stringify(row)).not.toContain('secret');
  });

  it('writes differing paths and an expected error field as the spec writes paths: no array marks, backticks where JSONata needs them', () => {
    const details = ['lines[0].qty: expected 1, got 2', 'lines[1].qty: expected 1, got 3', '[2].`Zahlungs-Nr`: expected "a", got "b"'].join('\n');
    const [row] = summariseTests([expected], [{ name: 'output', outcome: 'failure', message: '3 difference(s) from out.json', details }]);
    expect(row!.differingPaths).toEqual(['lines.qty', '`Zahlungs-Nr`']);
    const rejected = testCaseSchema.parse({ name: 'iban', input: 'x.csv', expectError: { field: 'Document.PmtInf[].CdtTrfTxInf[].Amt.InstdAmt.#text', code: 'RECORD_REJECTED' } });
    const [error] = summariseTests([rejected], []);
    expect(error).toMatchObject({ expects: 'the error RECORD_REJECTED at Document.PmtInf.CdtTrfTxInf.Amt.InstdAmt.`#text`', field: 'Document.PmtInf.CdtTrfTxInf.Amt.InstdAmt.`#text`' });
  });

  it('marks a case without a result as not run and a passed one without a message', () => {
    const rows = summariseTests([expected, failing], [{ name: 'fails', outcome: 'passed' }]);
    expect(rows.map((r) => [r.outcome, r.message])).toEqual([
      ['not run', undefined],
      ['passed', undefined],
    ]);
  });
});
