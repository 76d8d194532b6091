import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixture = useBackendFixtures();

/** The CRM project text with only its first three rules and no array context. */
function emptied(text: string): string {
  const doc = JSON.parse(text) as { rules: unknown[]; arrays: unknown[] };
  return JSON.stringify({ ...doc, rules: doc.rules.slice(0, 3), arrays: [] });
}

describe('suggestMappings', () => {
  it("suggests for the studio's unsaved document", async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const { suggestions } = value(await f.api.suggestMappings({ projectPath: f.project, text: emptied(f.projectText) }));
    expect(suggestions.find((s) => s.target === 'customerSince')).toMatchObject({ sources: ['createdOn'], transforms: [{ kind: 'date' }] });
    expect(suggestions.some((s) => s.target === 'customerNumber')).toBe(false);
  });
});

describe('generateTests and keepGeneratedTests', () => {
  it('generates cases without sample values and writes kept ones inside the project folder', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const { cases, goodInput } = value(await f.api.generateTests({ projectPath: f.project, text: f.projectText }));
    expect(goodInput).toBe('source/crm-account.json');
    const missing = cases.find((c) => c.name === 'generated: fullName missing (firstName)')!;
    expect(missing).toMatchObject({ expectation: 'MAP_REQUIRED_MISSING at firstName', agrees: true });
    // A case that differs says where, not what the value was.
    const differing = cases.find((c) => !c.agrees && c.observed.startsWith('no error'));
    if (differing) expect(differing.observed).toMatch(/has a value|is left out/);
    const { tests } = value(await f.api.keepGeneratedTests({ projectPath: f.project, text: f.projectText, names: [missing.name, 'generated: contacts one item (contacts)'] }));
    expect(tests).toHaveLength(2);
    expect(tests[0]).toMatchObject({ expectError: { field: 'firstName', code: 'MAP_REQUIRED_MISSING' } });
    const dir = join(f.samplesDir, 'crm-to-erp');
    expect(JSON.parse(readFileSync(join(dir, String(tests[0]!.input)), 'utf8'))).not.toHaveProperty('fullName');
    expect(existsSync(join(dir, String(tests[1]!.expected)))).toBe(true);
  });

  it('refuses to write through a tests folder that links out of the project', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    symlinkSync(f.outside, join(f.samplesDir, 'crm-to-erp', 'tests', 'generated'));
    const result = await f.api.keepGeneratedTests({ projectPath: f.project, text: f.projectText, names: ['generated: fullName missing (firstName)'] });
    expect(result.ok ? 'ok' : result.error.code).toBe('ACCESS_DENIED');
    expect(existsSync(join(f.outside, 'generated-fullname-missing-firstname.input.json'))).toBe(false);
  });
});

describe('importMappingSheet', () => {
  it('imports a spec sheet exported by Mapwright back into the emptied document, and lists the rest', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const spec = value(await f.api.exportSpec({ projectPath: f.project, kind: 'csv', runTests: false }));
    const sheet = join(f.samplesDir, 'crm-to-erp', 'spec.csv');
    writeFileSync(sheet, spec.content);
    const doc = JSON.parse(f.projectText) as { rules: Array<{ target: string; sources?: string[]; transforms?: unknown[] }> };
    const result = value(await f.api.importMappingSheet({ projectPath: f.project, text: JSON.stringify({ ...doc, rules: [] }), file: sheet }));
    expect(result.columns).toMatchObject({ target: 'Target field', sources: 'Source fields', jsonata: 'JSONata', rule: 'Rule (JSON)' });
    // Every rule comes back with its transforms (the spec's rule column), not as words in its notes.
    expect(result.rules.map((r) => r.target)).toEqual(doc.rules.map((r) => r.target));
    expect(result.rules.find((r) => r.target === 'customerSince')?.transforms).toMatchObject(doc.rules.find((r) => r.target === 'customerSince')!.transforms!);
  });

  it('reads only granted files', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const sheet = join(f.outside, 'sheet.csv');
    writeFileSync(sheet, 'Target,Source\nx,y\n');
    const result = await f.api.importMappingSheet({ projectPath: f.project, text: f.projectText, file: sheet });
    expect(result.ok ? 'ok' : result.error.code).toBe('ACCESS_DENIED');
  });
});
