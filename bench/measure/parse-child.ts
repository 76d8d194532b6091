/**
 * One parse measurement, run inside a measurement child: records of about
 * `targetMb` in one format, read by Mapwright's reader, against `JSON.parse`
 * of the same records as JSON, timed alternately in the same process.
 */
import { readCsv } from '../../mapping-engine/payload/csv-read';
import { readJson } from '../../mapping-engine/payload/json-read';
import { readXml } from '../../mapping-engine/payload/xml-read';
import { generateRecords, toCsv, toXml, type BenchRecord } from '../generate-records';
import type { ChildSpec, ParseFormat } from './child-spec';
import { bestOf, peakRssMb } from './timing';

type ParseSpec = Extract<ChildSpec, { kind: 'parse' }>;

const WRITERS: Record<ParseFormat, (records: BenchRecord[]) => string> = {
  json: (records) => JSON.stringify(records),
  csv: toCsv,
  xml: toXml,
};

const READERS: Record<ParseFormat, (bytes: Uint8Array) => unknown> = { json: readJson, csv: readCsv, xml: readXml };

/** Measures `spec`; resolves with MB, records, MB/s of the reader and of JSON.parse, and peak RSS. */
export async function measureParse(spec: ParseSpec): Promise<Record<string, number>> {
  const encoder = new TextEncoder();
  // Size the record count from a probe so the payload in this format is about targetMb.
  const probe = generateRecords(1000);
  const perRecord = encoder.encode(WRITERS[spec.format](probe)).length / probe.length;
  const records = generateRecords(Math.max(1, Math.round((spec.targetMb * 1e6) / perRecord)));
  const bytes = encoder.encode(WRITERS[spec.format](records));
  const json = encoder.encode(JSON.stringify(records));
  const repeat = spec.targetMb <= 20 ? { runs: 4, budgetMs: 8_000 } : { runs: 2, budgetMs: 30_000 };
  // Decoding is part of both: the readers take bytes, so JSON.parse gets the same start.
  const baseline = await bestOf(() => JSON.parse(new TextDecoder().decode(json)), repeat);
  const reader = READERS[spec.format];
  const seconds = await bestOf(() => reader(bytes), repeat);
  const mb = bytes.length / 1e6;
  return {
    mb,
    records: records.length,
    seconds,
    mbPerSecond: mb / seconds,
    jsonParseSeconds: baseline,
    jsonParseMbPerSecond: json.length / 1e6 / baseline,
    peakRssMb: peakRssMb(),
  };
}
