import { describe, expect, it } from 'vitest';
import { doc, runCompiled as run } from './compiler-test-helpers';


describe('an input without records', () => {
  const csv = doc({ source: { format: 'csv' }, rules: [{ target: 'MsgId', sources: ['no'], transforms: [{ kind: 'pick', index: 0 }], required: 'error' }] });

  it('is its own coded error for a CSV input, before any field reports itself missing', async () => {
    await expect(run(csv, [])).rejects.toMatchObject({ code: 'INPUT_NO_RECORDS', message: 'the input has no records' });
    expect(await run(csv, [{ no: 'P-1' }])).toEqual({ MsgId: 'P-1' });
  });

  it('and for a required array over the whole input', async () => {
    const json = doc({ arrays: [{ target: 'rows', source: '.', required: 'error' }], rules: [{ target: 'rows.id', sources: ['id'] }] });
    await expect(run(json, [])).rejects.toMatchObject({ code: 'INPUT_NO_RECORDS' });
    expect(await run(json, [{ id: 1 }])).toEqual({ rows: [{ id: 1 }] });
  });
});
