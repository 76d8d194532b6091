import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { doc, failedRun as failure } from '../compiler/compiler-test-helpers';
import { describeRunError } from './describe-run-error';


describe('describeRunError', () => {
  const d = doc({
    arrays: [{ target: 'lines', source: 'items', recordKey: 'sku' }],
    rules: [
      { target: 'lines.price', sources: ['price'], transforms: [{ kind: 'parseNumber' }] },
      { target: 'total', sources: ['items.price'], transforms: [{ kind: 'parseNumber' }, { kind: 'aggregate', fn: 'sum' }] },
      { target: 'count', sources: ['items'], transforms: [{ kind: 'custom', expression: '$number($value.qty)' }] },
    ],
  });
  const compiled = compileDocument(d);

  it('prints the code a test case expects for an error the helpers raised, with the field and record', async () => {
    const error = await failure(d, { items: [{ sku: 'A', price: '1,50', qty: '1' }] });
    expect(describeRunError(error, compiled, 'in.json', d)).toMatch(/^MAP_INVALID_VALUE in\.json: lines\[\]\.price: not a number .* \(lines item 1: sku "A"\)$/);
    // Without the document, the runner's code as before.
    expect(describeRunError(error, compiled, 'in.json')).toMatch(/^RUN_EVALUATION in\.json: lines\[\]\.price/);
  });

  it("keeps the runner's code for jsonata's own errors and names their field", async () => {
    const error = await failure(d, { items: [{ sku: 'A', price: '1.50', qty: 'drei' }] });
    expect(describeRunError(error, compiled, 'in.json', d)).toMatch(/^RUN_EVALUATION in\.json: .*\(target field count\)$/);
  });
});
