import { cpSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBackendFixtures, value } from '../../tests/helpers/backend-fixture';

const fixture = useBackendFixtures();
const ubl = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xsd', 'ubl-2.1');
const INVOICE = 'ubl/maindoc/UBL-Invoice-2.1.xsd';

/** A backend whose crm-to-erp project folder holds a copy of the UBL 2.1 schemas. */
function withUbl() {
  const f = fixture({ samples: ['crm-to-erp'] });
  cpSync(ubl, join(f.samplesDir, 'crm-to-erp', 'ubl'), { recursive: true });
  return f;
}

describe('schemaChildren', () => {
  it('sends a small schema whole levels at a time, with paths as importSchema writes them', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const request = { projectPath: f.project, file: 'target/erp-customer.schema.json' };
    const top = value(await f.api.schemaChildren({ ...request, parent: [] }));
    expect(top.rows.every((r) => r.depth === 0)).toBe(true);
    expect(top.rows.find((r) => r.name === 'address')).toMatchObject({ hasChildren: true, childrenSent: false, path: 'address' });
    const all = value(await f.api.schemaChildren({ ...request, parent: [], levels: 3 }));
    expect(all.rows.find((r) => r.path === 'contacts[].channel')).toMatchObject({ depth: 1, type: 'string', required: true });
    expect(all.rows.find((r) => r.name === 'contacts')).toMatchObject({ childrenSent: true });
    const inner = value(await f.api.schemaChildren({ ...request, parent: ['contacts'] }));
    expect(inner.rows.map((r) => r.path)).toEqual(['contacts[].channel', 'contacts[].value', 'contacts[].customerNumber']);
  });

  it('opens UBL Invoice a level at a time, shared types included, below the depth the loader built', async () => {
    const f = withUbl();
    const request = { projectPath: f.project, file: INVOICE };
    const top = value(await f.api.schemaChildren({ ...request, parent: [], levels: 2 }));
    expect(top.rows[0]).toMatchObject({ name: 'Invoice', depth: 0, childrenSent: true });
    const supplier = top.rows.find((r) => r.name === 'AccountingSupplierParty');
    expect(supplier).toMatchObject({ depth: 1, hasChildren: true, childrenSent: false });
    expect(supplier!.typeRef).toContain('SupplierPartyType');
    expect(top.rows.length).toBeLessThan(200);
    // Walk deeper than the loader's depth budget: Party -> PartyLegalEntity -> RegistrationAddress -> Country -> IdentificationCode.
    const names = ['Invoice', 'AccountingSupplierParty', 'Party', 'PartyLegalEntity', 'RegistrationAddress', 'Country'];
    for (let i = 1; i <= names.length; i++) {
      const level = value(await f.api.schemaChildren({ ...request, parent: names.slice(0, i) }));
      const next = names[i];
      if (next) expect(level.rows.some((r) => r.name === next && r.hasChildren)).toBe(true);
      else expect(level.rows.map((r) => r.name)).toContain('IdentificationCode');
    }
  });

  it('refuses a field the schema does not have, and files outside the project (coded)', async () => {
    const f = withUbl();
    const missing = await f.api.schemaChildren({ projectPath: f.project, file: INVOICE, parent: ['Invoice', 'NoSuchField'] });
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
    const outside = await f.api.schemaChildren({ projectPath: f.project, file: join(f.outside, 'x.xsd'), parent: [] });
    expect(outside.ok || outside.error.code).toBe('ACCESS_DENIED');
  });

  it('checks the size before reading a schema (a 129 MB file is LIMIT_EXCEEDED, not read)', async () => {
    const f = fixture({ samples: ['crm-to-erp'] });
    const big = join(f.samplesDir, 'crm-to-erp', 'big.schema.json');
    writeFileSync(big, '{}');
    truncateSync(big, 129 * 1024 * 1024); // sparse: costs no disk
    const result = await f.api.schemaChildren({ projectPath: f.project, file: 'big.schema.json', parent: [] });
    expect(result.ok || result.error.code).toBe('LIMIT_EXCEEDED');
  });
});
