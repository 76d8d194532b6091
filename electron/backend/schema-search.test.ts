import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixture = useBackendFixtures();
const ubl = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xsd', 'ubl-2.1');
const INVOICE = 'ubl/maindoc/UBL-Invoice-2.1.xsd';

describe('schemaSearch', () => {
  it('finds fields deep in UBL Invoice that no level loaded yet, with every level on the way', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    cpSync(ubl, join(f.samplesDir, 'crm-to-erp', 'ubl'), { recursive: true });
    const found = value(await f.api.schemaSearch({ projectPath: f.project, file: INVOICE, text: 'IdentificationCode', limit: 5 }));
    expect(found.matches).toBe(5);
    expect(found.complete).toBe(false);
    // The first level is the top (the Invoice element), each next one a field of a level before it.
    expect(found.levels[0]!.parent).toEqual([]);
    const parents = new Set(found.levels.map((l) => l.parent.join('.')));
    for (const level of found.levels.slice(1)) expect(parents.has(level.parent.slice(0, -1).join('.'))).toBe(true);
    const hits = found.levels.flatMap((l) => l.rows.filter((r) => r.name.includes('IdentificationCode')).map((r) => [...l.parent, r.name]));
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits.every((h) => h[0] === 'Invoice')).toBe(true);
    // Shared types are named, so the renderer can reuse a level wherever its type occurs.
    expect(found.levels.some((l) => l.parentType?.includes('Type'))).toBe(true);
  });

  it('answers a search with nothing found as complete, and refuses files outside the project (coded)', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const none = value(await f.api.schemaSearch({ projectPath: f.project, file: 'target/erp-customer.schema.json', text: 'nothing-like-this' }));
    expect(none).toEqual({ levels: [], matches: 0, complete: true });
    const city = value(await f.api.schemaSearch({ projectPath: f.project, file: 'target/erp-customer.schema.json', text: 'CITY' }));
    expect(city.levels.map((l) => l.parent)).toEqual([[], ['address']]);
    const outside = await f.api.schemaSearch({ projectPath: f.project, file: join(f.outside, 'x.xsd'), text: 'a' });
    expect(outside.ok || outside.error.code).toBe('ACCESS_DENIED');
  });
});
