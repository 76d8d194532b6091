/**
 * Workload "CRM -> ERP": the crm-to-erp sample's mapping over many accounts.
 * The sample maps one account per payload; here its document gets a root
 * array context (`.` from `.`) in front of its own, so the same rules run once
 * per account of a list, the form batch mode runs in. Everything else (rules,
 * lookup table, nested contacts with the parent's number) is the sample's.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileProject } from '../../mapping-engine/compiler';
import type { FileTables } from '../../mapping-engine/compiler/lookup-table';
import { mappingJob } from '../../mapping-engine/compiled/engine-selection';
import { createFsResolver } from '../../mapping-engine/node/fs-resolver';
import { seededRandom } from '../generate-records';

/** The sample project the workload is derived from. */
export const CRM_SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');

/** One generated CRM account, shaped like samples/crm-to-erp/source/crm-account.json. */
export interface CrmAccount {
  accountId: string;
  fullName: string;
  status: string;
  createdOn: string;
  billing: { street: string; postalCode: string; city: string; countryCode: string };
  contacts: Array<{ type: string; value: string }>;
  annualRevenue: number;
  tags: string[];
}

const NAMES = ['Testa Beispiel', 'Ada  Muster', ' Jon Paul Sample ', 'Eva Probe', 'Hugo de Voorbeeld'];
const COUNTRIES = ['DE', 'fr', 'NL', 'es', 'GB', 'US'];
const TAGS = ['key-account', 'emea', 'amer', 'partner', 'reseller'];
const TYPES = ['phone', 'email', 'fax'];

/** `count` accounts from `seed`. */
export function generateCrmAccounts(count: number, seed = 3): CrmAccount[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const accounts: CrmAccount[] = [];
  for (let i = 0; i < count; i++) {
    const contacts = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, n) => ({ type: pick(TYPES), value: `contact${n}.${i}@example.com` }));
    accounts.push({
      accountId: `ACC-${String(i).padStart(8, '0')}`,
      fullName: pick(NAMES),
      status: random() < 0.05 ? 'X' : pick(['A', 'I', 'P']),
      createdOn: `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}.${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${2000 + Math.floor(random() * 25)}`,
      billing: { street: `Musterweg ${1 + (i % 300)}`, postalCode: String(Math.floor(random() * 99999)).padStart(5, '0'), city: 'Sampletown', countryCode: pick(COUNTRIES) },
      contacts,
      annualRevenue: Math.round(random() * 1e9) / 100,
      tags: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TAGS)),
    });
  }
  return accounts;
}

/** The sample document with a root array context, compiled with its lookup table. */
export async function compileCrmForRecords(): Promise<{ expression: string; program?: string; tables: FileTables }> {
  const doc = JSON.parse(await readFile(CRM_SAMPLE, 'utf8')) as { arrays?: unknown[]; tests?: unknown[] };
  doc.arrays = [{ target: '.', source: '.' }, ...(doc.arrays ?? [])];
  // The sample's test cases map single accounts; they do not apply to the list form.
  doc.tests = [];
  const project = await compileProject(JSON.stringify(doc), CRM_SAMPLE, createFsResolver());
  return { ...mappingJob(project), tables: project.tables };
}

/** jsonata's `$round`: half to even. */
function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value % 1) === 0.5 ? 2 * Math.round(value / 2) : rounded;
}

const STATUS: Record<string, string> = { A: 'ACTIVE', I: 'INACTIVE', P: 'PROSPECT' };
const CHANNEL: Record<string, string> = { email: 'EMAIL', phone: 'PHONE' };
const DMY = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function required<T>(value: T | undefined | null | '', field: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`Required target field ${field} has no value`);
  return value;
}

function customerSince(text: string): string {
  const m = DMY.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : undefined;
  if (!m || !date || date.getUTCDate() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new Error(`customerSince: date "${text}" does not match dd.MM.yyyy`);
  }
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The mapping written by hand, with the country table the sample reads from CSV. */
export function crmByHand(countries: Record<string, string>): (accounts: readonly CrmAccount[]) => unknown[] {
  return (accounts) =>
    accounts.map((a) => {
      const number = a.accountId.replace(/^ACC-/, 'C');
      const words = a.fullName.trim().split(/\s+/);
      const code = a.billing.countryCode.toUpperCase();
      const country = countries[code];
      if (country === undefined) throw new Error(`address.country: unknown key in table countries "${code}"`);
      const sorted = [...a.contacts].sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0));
      return {
        customerNumber: required(number, 'customerNumber'),
        firstName: required(words[0], 'firstName'),
        lastName: required(words[words.length - 1], 'lastName'),
        status: STATUS[a.status] ?? 'PROSPECT',
        customerSince: customerSince(a.createdOn),
        email: a.contacts.find((c) => c.type === 'email')?.value,
        address: {
          line1: required(a.billing.street, 'address.line1'),
          postcode: required(a.billing.postalCode, 'address.postcode'),
          city: required(a.billing.city, 'address.city'),
          country,
        },
        revenue: roundHalfEven(a.annualRevenue),
        labels: a.tags,
        contacts: sorted.map((c) => ({ channel: CHANNEL[c.type] ?? 'OTHER', value: required(c.value, 'contacts[].value'), customerNumber: number })),
      };
    });
}
