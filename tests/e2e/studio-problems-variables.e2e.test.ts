/**
 * The Problems panel does not judge paths through variables as source fields
 * (issue 12): in the payments sample, rules read the members of a group
 * (`$items`, so `Betrag` inside the transactions list is `$items.Betrag`) and
 * run parameters (`$param.MsgId`). A copy with one real typo shows that typo,
 * and only it, once the source fields are loaded and checked.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { openByPath } from './studio-actions';

const RUN = { timeout: 30_000 };

type Doc = { rules: { target: string; sources?: string[] }[] };

describe.skipIf(!hasChromium)(`Problems and variables in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-problems-variables-', 'payments-csv-to-pain001');

  it('lists the one misspelt column and no path through $items or $param', async () => {
    const file = ws.project('typo', (doc) => {
      const purpose = doc.rules.find((r) => r.sources?.includes('Verwendungszweck'))!;
      purpose.sources = ['Verwendungszwek'];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await page.getByTestId('problem-count').click();
    const unknown = page.getByTestId('problems').locator('[data-code="MAP_UNKNOWN_SOURCE"]');
    // The typo appearing proves the source fields were loaded and every rule checked against them.
    await expect.poll(() => unknown.count(), RUN).toBeGreaterThan(0);
    const targets = await unknown.evaluateAll((items) => items.map((item) => item.getAttribute('data-target')));
    expect(targets).toEqual(['Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.RmtInf.Ustrd']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
