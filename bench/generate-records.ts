/**
 * Seeded generator of flat order records for benchmarks, so every run (and
 * every machine) measures the same data.
 */

import { seededRandom } from '../tests/helpers/seeded-random';

export { seededRandom };

/** One generated record: strings only, as CSV and XML readers produce them. */
export type BenchRecord = Record<string, string>;

/** Generates `count` records of 10 fields. */
export function generateRecords(count: number, seed = 42): BenchRecord[] {
  const random = seededRandom(seed);
  const statuses = ['NEW', 'PAID', 'SHIPPED', 'CANCELLED'];
  const records: BenchRecord[] = [];
  for (let i = 0; i < count; i++) {
    records.push({
      orderId: `ORD-${String(i).padStart(8, '0')}`,
      customer: `C${Math.floor(random() * 1e6)}`,
      status: statuses[Math.floor(random() * statuses.length)] ?? 'NEW',
      orderDate: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      amount: (random() * 10000).toFixed(2),
      currency: random() < 0.5 ? 'EUR' : 'USD',
      sku: `SKU-${Math.floor(random() * 99999)}`,
      quantity: String(1 + Math.floor(random() * 20)),
      note: random() < 0.1 ? 'gift, "wrap" please' : '',
      postcode: String(Math.floor(random() * 99999)).padStart(5, '0'),
    });
  }
  return records;
}

/** The records as CSV text (quoted where needed). */
export function toCsv(records: BenchRecord[]): string {
  const columns = Object.keys(records[0] ?? {});
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...records.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\n') + '\n';
}

/** The records as an XML document `<orders><order>...</order></orders>`. */
export function toXml(records: BenchRecord[]): string {
  const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = records.map((r) => `<order>${Object.entries(r).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('')}</order>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<orders>\n${body}\n</orders>\n`;
}
