/** Options every section gets from the command line. */
export interface BenchOptions {
  /** Small sizes only, for a check in a minute or two. */
  quick: boolean;
  /** Progress lines (to stderr) while the run goes on. */
  log(message: string): void;
}

/** Formats a record count for a table: 1k, 10k, 1M. */
export function sizeLabel(records: number): string {
  if (records >= 1e6 && records % 1e6 === 0) return `${records / 1e6}M`;
  if (records >= 1e3 && records % 1e3 === 0) return `${records / 1e3}k`;
  return String(records);
}
