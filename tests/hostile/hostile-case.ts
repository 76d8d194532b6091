/**
 * The shape of one generated hostile input: a file, the companion files it
 * needs (a schema a mapping document points at, a small expression to eval)
 * and the CLI runs it goes through. Paths are relative to the suite's temp
 * folder; `{f}` in a run stands for the hostile file.
 */

/** The argv of one run, before placeholders are filled in. */
export type RunArgs = readonly string[];

/** File content: text (written as UTF-8) or raw bytes. */
export type HostileContent = string | Uint8Array;

/** One generated file and the CLI runs that must survive it. */
export interface HostileCase {
  /** Relative path of the hostile file inside the temp folder (unique, names the case). */
  file: string;
  content: HostileContent;
  /** Other files the runs need, relative to the temp folder. */
  companions?: Record<string, HostileContent>;
  /** argv of each `mapwright` run; `{f}` is the hostile file's absolute path, `{dir}` the temp folder. */
  runs: RunArgs[];
}

/** What one CLI run ended with. */
export interface HostileOutcome {
  file: string;
  argv: string[];
  code: number;
  /** First part of stderr (error lines). */
  err: string;
  ms: number;
  /** Set when the run did not end by itself: killed after the time limit, or its process died. */
  killed?: 'timeout' | 'crash';
}

/** Command shorthands used by the generators. */
export const RUN = {
  infer: ['infer', '{f}'],
  inferFlat: ['infer', '{f}', '--flat'],
  toJson: ['convert', '{f}', '--to', 'json'],
  toXml: ['convert', '{f}', '--to', 'xml'],
  toCsv: ['convert', '{f}', '--to', 'csv'],
  mask: ['mask', '{f}', '--key-file', '{dir}/mask.key', '--out', '{dir}/out/{name}.masked'],
  maskReport: ['mask', '{f}', '--key-file', '{dir}/mask.key', '--report'],
  validate: ['validate', '{f}'],
  exportMd: ['export', '{f}', '--spec', 'md', '--no-tests'],
  exportJsonata: ['export', '{f}', '--spec', 'jsonata', '--no-tests'],
  compile: ['compile', '{f}'],
  evalInput: ['eval', '{dir}/common/identity.jsonata', '--input', '{f}'],
  evalExpr: ['eval', '{f}', '--input', '{dir}/common/small.json', '--timeout', '3000'],
  schemaFor: (sample: string, to: string): string[] => ['convert', `{dir}/${sample}`, '--to', to, '--schema', '{f}'],
} as const;
