/**
 * Work on payload FILES that belongs where the file is read: a preview page
 * and a run whose input is read and parsed next to the worker pool. In the
 * studio that is the engine host process, so the main process (and the UI
 * behind it) only ever sends a path and gets a bounded page or the run's
 * output back; here is the same work in-process, for the CLI, the tests and
 * a backend without a host. Previews of big CSV and JSON Lines files stream
 * (stream-preview.ts); other previews and runs read the file whole.
 */
import { stat } from 'node:fs/promises';
import { MapwrightError } from '../../errors';
import { detectFormat } from '../../payload/detect-format';
import { readPayload } from '../../payload/read-payload';
import type { PayloadFormat } from '../../payload/types';
import { checkLargeInput } from '../../run/large-input-guard';
import type { ExpressionRunner, RunLimits, RunResult } from '../../run/run-types';
import type { ValidationTarget } from '../../validate/validation-types';
import { readInputFile } from '../read-file';
import type { MaskFileRequest, MaskFileResult } from './mask-file';
import { DEFAULT_PAGE_SIZE, previewPage, type PreviewPage } from './preview-page';
import { fileHead, STREAM_PREVIEW_BYTES, streamPreview } from './stream-preview';

export type { MaskFileRequest, MaskFileResult } from './mask-file';

/** What `readPreview` is asked for. The path is already access-checked by the caller. */
export interface PreviewFileRequest {
  file: string;
  /** Name used in errors (the user's spelling of the path); default `file`. */
  shownAs?: string;
  format?: PayloadFormat;
  /** 0-based page (default 0). */
  page?: number;
  /** Records per page (default {@link DEFAULT_PAGE_SIZE}). */
  pageSize?: number;
}

/** What `runFile` is asked for: evaluate `expression` on the payload at `file`. */
export interface RunFileRequest {
  expression: string;
  /** The mapping's compiled program (see `RunJob.program`). */
  program?: string;
  file: string;
  /** Name used in parse errors; default `file`. */
  shownAs?: string;
  format?: PayloadFormat;
  bindings?: Record<string, unknown>;
  limits?: Partial<RunLimits>;
  /** Validate the value against this target in the worker that evaluated it (a schema `pattern` is a user's regex). */
  validate?: ValidationTarget;
}

/** What the host learned about the input while reading it: enough to write the output back the same way. */
export interface RunFileInput {
  format: PayloadFormat;
  /** The reader's format details (CSV dialect, XML namespaces); small. */
  meta?: unknown;
  /** Milliseconds spent reading and parsing the file. */
  readMs: number;
}

/** A run's result plus its input's description; `input` is absent only when the host died before answering. */
export interface RunFileResult extends RunResult {
  input?: RunFileInput;
}

/**
 * Payload work done where the files are read. Implemented by the engine host
 * client (in another process) and by {@link LocalPayloadHost} (in-process),
 * with the same results and errors.
 */
export interface PayloadHost {
  /**
   * One page of the payload's records and its counts.
   * @throws MapwrightError `FILE_READ`, the format's parse code, or `RUN_HOST_CRASHED`
   */
  readPreview(request: PreviewFileRequest): Promise<PreviewPage>;
  /**
   * Reads, parses and evaluates; evaluation errors (and the large-input
   * guard's refusal) come back in the result, as from a runner.
   * @throws MapwrightError `FILE_READ` or the format's parse code when the input cannot be read
   */
  runFile(request: RunFileRequest, options?: { signal?: AbortSignal }): Promise<RunFileResult>;
  /**
   * Reads `request.file`, masks it and writes ONLY the masked copy to
   * `request.out` (atomically); returns the format, report and size, never the original text.
   * @throws MapwrightError `MASK_KEY_INVALID`, `FILE_READ`, the format's parse code, `MASK_COLLISION`, `FILE_WRITE` or `RUN_HOST_CRASHED`
   */
  maskFile(request: MaskFileRequest): Promise<MaskFileResult>;
}

/** Reads one preview page of a file (see {@link PayloadHost.readPreview}). */
export async function readPreviewFile(request: PreviewFileRequest): Promise<PreviewPage> {
  const page = request.page ?? 0;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const shownAs = request.shownAs ?? request.file;
  const limit = (page + 1) * pageSize;
  try {
    const size = await fileSize(request.file);
    if (size > STREAM_PREVIEW_BYTES) {
      const format = detectFormat(shownAs, await fileHead(request.file), request.format);
      if (format === 'csv' || format === 'jsonl') return previewPage(await streamPreview(request.file, shownAs, format, limit, size), page, pageSize);
    }
    // The preview limit stops the readers after the page: CSV and JSON Lines do not parse the rest (their totals are counted or estimated).
    const parsed = readPayload(await readInputFile(request.file), { file: shownAs, previewLimit: limit, ...(request.format ? { format: request.format } : {}) });
    return previewPage(parsed, page, pageSize);
  } catch (error) {
    throw error instanceof MapwrightError ? error.withFile(shownAs) : error;
  }
}

/** Size of the file in bytes. @throws MapwrightError `FILE_READ` */
async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    // readInputFile words the errno; let it.
    return readInputFile(path).then(() => 0);
  }
}

/** Reads the file, applies the large-input guard and evaluates with `runner` (see {@link PayloadHost.runFile}). */
export async function runPayloadFile(runner: ExpressionRunner, request: RunFileRequest, signal?: AbortSignal): Promise<RunFileResult> {
  const started = performance.now();
  const parsed = readPayload(await readInputFile(request.file), {
    file: request.shownAs ?? request.file,
    ...(request.format ? { format: request.format } : {}),
  });
  const input: RunFileInput = { format: parsed.format, readMs: performance.now() - started };
  if (parsed.meta !== undefined) input.meta = parsed.meta;
  const refused = checkLargeInput(request.expression, parsed.value);
  if (refused) return { value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: refused, input };
  const job = {
    expression: request.expression,
    ...(request.program !== undefined ? { program: request.program } : {}),
    // Serialised here, once: the pool's workers take JSON text.
    inputJson: JSON.stringify(parsed.value),
    ...(request.bindings ? { bindings: request.bindings } : {}),
    ...(request.limits ? { limits: request.limits } : {}),
    ...(request.validate ? { validate: request.validate } : {}),
  };
  const result = await runner.run(job, signal ? { signal } : {});
  return { ...result, input };
}

/** The in-process {@link PayloadHost}: files are read in this process and evaluated with `runner`. */
export class LocalPayloadHost implements PayloadHost {
  constructor(private readonly runner: () => ExpressionRunner) {}

  readPreview(request: PreviewFileRequest): Promise<PreviewPage> {
    return readPreviewFile(request);
  }

  async runFile(request: RunFileRequest, options: { signal?: AbortSignal } = {}): Promise<RunFileResult> {
    return runPayloadFile(this.runner(), request, options.signal);
  }

  maskFile(request: MaskFileRequest): Promise<MaskFileResult> {
    return maskFileLazily(request);
  }
}

/**
 * Masks a file (see {@link PayloadHost.maskFile}), loading the masking code on
 * first use: its detectors are big, and a host that never imports a sample
 * (or one started with a small heap) should not carry them.
 */
export async function maskFileLazily(request: MaskFileRequest): Promise<MaskFileResult> {
  const { maskPayloadFile } = await import('./mask-file');
  return maskPayloadFile(request);
}

/** Whether `value` does payload work itself (an engine host client does). */
export function isPayloadHost(value: unknown): value is PayloadHost {
  const host = value as Partial<PayloadHost> | null;
  return typeof host === 'object' && host !== null && typeof host.readPreview === 'function' && typeof host.runFile === 'function' && typeof host.maskFile === 'function';
}

/**
 * The payload host for `runner`: the runner itself when it is one (an engine
 * host client), else an in-process host around it. Without a runner the
 * in-process host still previews and masks; only `runFile` refuses (`USAGE`).
 */
export function payloadHostOf(runner: ExpressionRunner | undefined): PayloadHost {
  if (isPayloadHost(runner)) return runner;
  return new LocalPayloadHost(() => {
    if (runner) return runner;
    throw new MapwrightError('USAGE', 'no expression runner to run the file with');
  });
}
