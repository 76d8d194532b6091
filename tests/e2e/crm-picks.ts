/** The files a user "has" in the browser tests of New project: the CRM sample's account and the ERP customer schema. */
import { cpSync, mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const crm = join(import.meta.dirname, '..', '..', 'samples', 'crm-to-erp');

/**
 * Makes a scratch folder (named with `prefix`, real path: the backend compares
 * resolved paths) whose `picks/` holds `crm-account.json` and
 * `erp-customer.schema.json`, the files a test's web host allows; returns the folder.
 */
export function crmPicksFolder(prefix: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  mkdirSync(join(root, 'picks'));
  cpSync(join(crm, 'source', 'crm-account.json'), join(root, 'picks', 'crm-account.json'));
  cpSync(join(crm, 'target', 'erp-customer.schema.json'), join(root, 'picks', 'erp-customer.schema.json'));
  return root;
}
