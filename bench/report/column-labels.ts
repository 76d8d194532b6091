/** Column headings of the result tables, by column key. Unknown keys show as themselves. */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  workload: 'workload',
  records: 'records',
  mapwrightPerSecond: 'Mapwright rec/s',
  jsonataPerSecond: 'jsonata rec/s',
  handWrittenPerSecond: 'hand-written rec/s',
  mapwrightToJsonata: 'Mapwright / jsonata (time)',
  mapwrightToHandWritten: 'Mapwright / hand-written (time)',
  mapwrightPeakRssMb: 'Mapwright peak RSS MB',
  jsonataPeakRssMb: 'jsonata peak RSS MB',
  handWrittenPeakRssMb: 'hand-written peak RSS MB',
  inputRssMb: 'input RSS MB',
  oneWorkerPerSecond: '1 worker rec/s',
  twoWorkersPerSecond: '2 workers rec/s',
  speedup: 'speedup',
  oneWorkerPeakRssMb: '1 worker peak RSS MB',
  twoWorkersPeakRssMb: '2 workers peak RSS MB',
  format: 'format',
  size: 'size',
  mbPerSecond: 'MB/s',
  jsonParseMbPerSecond: 'JSON.parse MB/s',
  timeToJsonParse: 'time / JSON.parse',
  peakRssMb: 'peak RSS MB',
  mb: 'MB',
  underTarget: 'under 512 MB',
  case: 'case',
  ms: 'ms',
  baseline: 'baseline',
  baselineMs: 'baseline ms',
  ratio: 'ratio',
};

/** The heading of column `key`. */
export function columnLabel(key: string): string {
  return COLUMN_LABELS[key] ?? key;
}
