import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../contract/methods/engine-methods';
import type { StudioApi } from '../contract/studio-api';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixtures = useBackendFixtures();
const fixture = () => fixtures({ samples: ['crm-to-erp'] });

async function settled(api: StudioApi, runId: string): Promise<RunStatus> {
  for (let i = 0; i < 400; i++) {
    const status = value(await api.pollPreview(runId));
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the preview did not finish');
}

/** A real customer's record as a consultant might copy it into a test input. */
const REAL = {
  accountId: 'ACC-424242',
  fullName: 'Margarete Sommerfeld',
  status: 'A',
  createdOn: '03.11.2024',
  billing: { street: 'Lindenallee 17', postalCode: '10115', city: 'Berlin', countryCode: 'DE' },
  contacts: [{ type: 'email', value: 'margarete.sommerfeld@example.org' }],
};
// The masker recognises these (an e-mail, a street); a lone root-level `fullName` it does not (see the preview's confirmation).
const ORIGINALS = ['margarete.sommerfeld@example.org', 'Lindenallee'];

/** The crm-to-erp project with its first test case's input replaced by {@link REAL}. */
function withRealTestInput(f: ReturnType<typeof fixture>): string {
  const doc = JSON.parse(f.projectText) as { tests: { name: string; input: string; expected?: string }[] };
  writeFileSync(join(f.samplesDir, 'crm-to-erp', 'tests', 'real.input.json'), JSON.stringify(REAL, null, 2));
  doc.tests[1] = { ...doc.tests[1]!, input: 'tests/real.input.json' };
  return JSON.stringify(doc, null, 2);
}

describe('startPreview', () => {
  it('maps a source sample as imported', async () => {
    const f = fixture();
    const started = value(await f.api.startPreview({ projectPath: f.project, text: f.projectText, input: { kind: 'sample', index: 0 } }));
    expect(started.masking).toBe('imported');
    const status = await settled(f.api, started.runId);
    expect(status.state).toBe('done');
    expect(JSON.parse(status.result!.outputText)).toMatchObject({ customerNumber: expect.any(String) as string });
  });

  it('never shows a test input holding personal data unmasked: output and source page are masked', async () => {
    const f = fixture();
    const text = withRealTestInput(f);
    const input = { kind: 'test', index: 1 } as const;
    const started = value(await f.api.startPreview({ projectPath: f.project, text, input }));
    expect(started.masking).toBe('for-display');
    expect(started.maskedPaths).toEqual(expect.arrayContaining(['contacts[].value', 'billing.street']));
    const status = await settled(f.api, started.runId);
    expect(status.state).toBe('done');
    const page = value(await f.api.readPreviewInput({ projectPath: f.project, text, input }));
    expect(page.masking).toBe('for-display');
    const shown = JSON.stringify(status) + JSON.stringify(page);
    for (const original of ORIGINALS) expect(shown).not.toContain(original);
    // The masked input keeps its shape: the mapping still runs and fills the fields.
    expect(JSON.parse(status.result!.outputText)).toMatchObject({ firstName: expect.any(String) as string, address: { city: expect.any(String) as string } });
    // The original file is untouched.
    expect(readFileSync(join(f.samplesDir, 'crm-to-erp', 'tests', 'real.input.json'), 'utf8')).toContain('Lindenallee');
  });

  it('runs with the parameters the preview sets, the others at their defaults; an undeclared one fails the run with USAGE', async () => {
    const f = fixture();
    const doc = JSON.parse(f.projectText) as { parameters?: unknown; rules: unknown[] };
    doc.parameters = { Batch: { type: 'string', default: 'B0' }, Limit: { type: 'number', default: 1 } };
    doc.rules.push({ target: 'batch', sources: ['$param.Batch'] }, { target: 'limit', sources: ['$param.Limit'] });
    const text = JSON.stringify(doc, null, 2);
    const input = { kind: 'sample', index: 0 } as const;
    const set = await settled(f.api, value(await f.api.startPreview({ projectPath: f.project, text, input, params: { Batch: 'B7' } })).runId);
    expect(JSON.parse(set.result!.outputText)).toMatchObject({ batch: 'B7', limit: 1 });
    const typed = await settled(f.api, value(await f.api.startPreview({ projectPath: f.project, text, input, params: { Limit: '5' } })).runId);
    expect(JSON.parse(typed.result!.outputText)).toMatchObject({ batch: 'B0', limit: 5 });
    const unknown = await settled(f.api, value(await f.api.startPreview({ projectPath: f.project, text, input, params: { Nope: 'x' } })).runId);
    expect(unknown).toMatchObject({ state: 'failed', error: { code: 'USAGE' } });
  });

  it('refuses an input the document does not have', async () => {
    const f = fixture();
    expect(await f.api.startPreview({ projectPath: f.project, text: f.projectText, input: { kind: 'test', index: 99 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('diffTestCase with run parameters', () => {
  it('runs a case with the parameters it pins, so a creation time defaulting to now matches, and names a failing record where the input has it', async () => {
    const f = fixtures({ samples: ['crm-to-erp', 'payments-csv-to-pain001'] });
    const project = join(f.samplesDir, 'payments-csv-to-pain001', 'payments-csv-to-pain001.mapwright.json');
    const text = readFileSync(project, 'utf8');
    const cases = (JSON.parse(text) as { tests: Array<{ name: string; params?: unknown; expected?: string; expectError?: unknown }> }).tests;
    const pinned = cases.findIndex((t) => t.expected !== undefined && t.params !== undefined);
    expect(value(await f.api.diffTestCase({ projectPath: project, text, index: pinned })).count).toBe(0);
    const badIban = cases.findIndex((t) => t.name.includes('IBAN'));
    const failed = value(await f.api.diffTestCase({ projectPath: project, text, index: badIban }));
    expect(JSON.stringify(failed)).toMatch(/RECORD_REJECTED[^"]*IBAN.*\(line 3: Payment-No \\"PAY-0052\\"\)/);
  });
});

describe('diffTestCase and acceptTestOutput', () => {
  it('shows a failing case side by side, masked, and accepting the output makes it pass', async () => {
    const f = fixture();
    const text = withRealTestInput(f);
    const diff = value(await f.api.diffTestCase({ projectPath: f.project, text, index: 1 }));
    expect(diff.count).toBeGreaterThan(0);
    expect(diff.differences.length).toBeGreaterThan(0);
    expect(diff.actualText).not.toBe('');
    const shown = JSON.stringify(diff);
    for (const original of ORIGINALS) expect(shown).not.toContain(original);

    const accepted = value(await f.api.acceptTestOutput({ projectPath: f.project, text, index: 1 }));
    expect(accepted.expected).toBe('tests/unknown-status.expected.json');
    const after = value(await f.api.diffTestCase({ projectPath: f.project, text, index: 1 }));
    expect(after.count).toBe(0);
    const tests = value(await f.api.runTests({ projectPath: f.project, text }));
    expect(tests.cases[1]?.outcome).toBe('passed');
  });
});
