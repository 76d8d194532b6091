/**
 * Shape of bench/results.json: one table per benchmark section, each cell a
 * number or a text such as "not run (reason)", plus the machine and run mode.
 * The console table and docs/performance.md are both rendered from it.
 */
import { cpus, totalmem } from 'node:os';

/** One cell: a figure, a note, or nothing. */
export type Cell = number | string | null;

/** One section's results. */
export interface SectionTable {
  /** Section key: engine, scaling, parse, batch, preview. */
  id: string;
  title: string;
  /** What the figures mean and what the ratios are against. */
  note: string;
  /** Column keys in display order; a row's cells are looked up by these. */
  columns: string[];
  rows: Array<Record<string, Cell>>;
}

/** The machine a run was measured on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** Everything one `npm run bench` wrote. */
export interface BenchResults {
  date: string;
  quick: boolean;
  /** False while the run is still going (or was stopped): the file is rewritten after every section. */
  complete: boolean;
  machine: MachineInfo;
  /** Wall-clock duration of the whole run, in seconds. */
  durationSeconds: number;
  sections: SectionTable[];
}

/** The machine this process runs on. */
export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Rounds a figure for display: 3 significant digits, whole numbers above 1000. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 1000) return Math.round(value);
  return Number(value.toPrecision(3));
}

/** `a / b` rounded, or null when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  return a === undefined || b === undefined || b === 0 ? null : round(a / b);
}

/** The text of a measurement that did not happen. */
export function notRun(reason: string): string {
  return `not run (${reason})`;
}
