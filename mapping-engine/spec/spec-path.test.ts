import { describe, expect, it } from 'vitest';
import { looseNames, specPath } from './spec-path';

describe('specPath', () => {
  it('writes report, error and difference paths as the document writes a rule path', () => {
    expect(specPath('[].Lieferant')).toBe('Lieferant');
    expect(specPath('[3].`Zahlungs-Nr`')).toBe('`Zahlungs-Nr`');
    expect(specPath('order.line_items[].title')).toBe('order.line_items.title');
    expect(specPath('lines[12].qty')).toBe('lines.qty');
    expect(specPath('Document.PmtInf[].CdtTrfTxInf[].Amt.InstdAmt.#text')).toBe('Document.PmtInf.CdtTrfTxInf.Amt.InstdAmt.`#text`');
    expect(specPath('Invoice.`cbc:ID`')).toBe('Invoice.`cbc:ID`');
  });

  it('keeps a quoted name whole, brackets and dots included, and leaves a path it cannot read as it is', () => {
    expect(looseNames('order.`x[0]`.`a.b`[]')).toEqual(['order', 'x[0]', 'a.b']);
    expect(specPath('order.`open')).toBe('order.`open');
    expect(specPath('lines[x].qty')).toBe('lines[x].qty');
  });
});
