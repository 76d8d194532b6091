/**
 * Workload "flat rename": one flat record of 15 text fields in, the same 15
 * values under new names out (bench/mappings/flat-rename-*.mapwright.json).
 * The generator is seeded so every run measures the same data; the values are
 * text, as a CSV reader would give them, so the CSV and JSON Lines batch
 * files carry identical records.
 */
import { seededRandom } from '../generate-records';

/** One generated flat record. */
export type FlatRecord = Record<string, string>;

/** Source field -> target field, in output order (the mapping document says the same). */
export const FLAT_RENAMES: ReadonlyArray<readonly [string, string]> = [
  ['id', 'customerId'],
  ['firstName', 'givenName'],
  ['lastName', 'familyName'],
  ['email', 'emailAddress'],
  ['phone', 'phoneNumber'],
  ['street', 'addressLine1'],
  ['city', 'town'],
  ['postcode', 'postalCode'],
  ['country', 'countryCode'],
  ['company', 'employer'],
  ['jobTitle', 'position'],
  ['createdAt', 'created'],
  ['status', 'state'],
  ['balance', 'accountBalance'],
  ['score', 'rating'],
];

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dario', 'Eva', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Muster', 'Beispiel', 'Sample', 'Exemplo', 'Testa', 'Probe', 'Modele', 'Voorbeeld'];
const CITIES = ['Sampletown', 'Exampleville', 'Testburg', 'Demo City', 'Mockford'];
const COUNTRIES = ['DE', 'FR', 'NL', 'ES', 'GB', 'US'];
const TITLES = ['Buyer', 'Head of Operations', 'Accountant', 'Engineer', 'Sales, EMEA'];
const STATUSES = ['A', 'I', 'P'];

/** `count` flat records from `seed`; record i always has id `CUS-<i>`. */
export function generateFlatRecords(count: number, seed = 7): FlatRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const records: FlatRecord[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    records.push({
      id: `CUS-${String(i).padStart(8, '0')}`,
      firstName: first,
      lastName: last,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
      phone: `+49 30 ${String(Math.floor(random() * 1e7)).padStart(7, '0')}`,
      street: `${pick(LAST)}weg ${1 + Math.floor(random() * 200)}`,
      city: pick(CITIES),
      postcode: String(Math.floor(random() * 99999)).padStart(5, '0'),
      country: pick(COUNTRIES),
      company: `${pick(LAST)} ${random() < 0.5 ? 'GmbH' : 'Ltd'}`,
      jobTitle: pick(TITLES),
      createdAt: `20${10 + Math.floor(random() * 15)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      status: pick(STATUSES),
      balance: (random() * 100000 - 20000).toFixed(2),
      score: String(Math.floor(random() * 100)),
    });
  }
  return records;
}

/** The mapping written by hand: what the generated JSONata does, with nothing else. */
export function flatRenameByHand(records: readonly FlatRecord[]): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    out[i] = {
      customerId: r.id!,
      givenName: r.firstName!,
      familyName: r.lastName!,
      emailAddress: r.email!,
      phoneNumber: r.phone!,
      addressLine1: r.street!,
      town: r.city!,
      postalCode: r.postcode!,
      countryCode: r.country!,
      employer: r.company!,
      position: r.jobTitle!,
      created: r.createdAt!,
      state: r.status!,
      accountBalance: r.balance!,
      rating: r.score!,
    };
  }
  return out;
}

/** The records as CSV (header once; quoted where a value holds a comma or quote). */
export function flatToCsv(records: readonly FlatRecord[], header = true): string {
  const columns = FLAT_RENAMES.map(([from]) => from);
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = records.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','));
  return `${header ? `${columns.join(',')}\n` : ''}${lines.join('\n')}\n`;
}

/** The records as JSON Lines. */
export function flatToJsonLines(records: readonly FlatRecord[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
