/**
 * Messages between an engine host process (which owns the worker pool) and
 * its client in the Electron main process or the web host.
 *
 * Every message is ONE string: a JSON header, and for a job's input or a
 * result's value, a newline and the raw JSON text after it. Payloads already
 * travel as JSON text, so framing them beside the header (instead of inside
 * it) avoids escaping megabytes of JSON a second time, and a string crosses
 * Node's IPC and Electron's MessagePort as one cheap copy, never as a big
 * object graph to clone.
 */
import type { CodedErrorData } from '../../errors';
import type { RunErrorData, RunLimits, RunResult, RunTimings } from '../../run/run-types';
import type { OutputViolation, ValidationTarget } from '../../validate/validation-types';
import type { MaskFileRequest, MaskFileResult } from './mask-file';
import type { PreviewFileRequest, RunFileInput, RunFileRequest, RunFileResult } from './payload-host';

/** Client to host: evaluate a job; its input JSON (if any) is the frame's body. */
export interface HostRunMessage {
  type: 'run';
  id: number;
  expression: string;
  /** The mapping's compiled program (see `RunJob.program`). */
  program?: string;
  /** `$name` variables; small, so they ride in the header. */
  bindings?: Record<string, unknown>;
  limits?: Partial<RunLimits>;
  /** Validate the value against this target in the host's worker (see `RunJob.validate`). */
  validate?: ValidationTarget;
  /** True when the body carries the input; false means the job has no input. */
  hasInput: boolean;
}

/** Client to host: stop a job (it ends with `RUN_CANCELLED`). */
export interface HostCancelMessage {
  type: 'cancel';
  id: number;
}

/** Client to host: one preview page of a file, read and cut in the host; answered by a `preview` message. */
export interface HostPreviewMessage {
  type: 'preview';
  id: number;
  request: PreviewFileRequest;
}

/** Client to host: read, parse and evaluate a file in the host; answered by a `result` message, cancelled like a run. */
export interface HostRunFileMessage {
  type: 'runFile';
  id: number;
  request: RunFileRequest;
}

/** Client to host: mask a file into `request.out` in the host (paths and key only); answered by a `masked` message. */
export interface HostMaskFileMessage {
  type: 'maskFile';
  id: number;
  request: MaskFileRequest;
}

/** Any message a client sends. */
export type HostInMessage = HostRunMessage | HostCancelMessage | HostPreviewMessage | HostRunFileMessage | HostMaskFileMessage;

/** Host to client: the pool is up and takes jobs. */
export interface HostReadyMessage {
  type: 'ready';
}

/** Host to client: the outcome of one job; the value (if any) is the frame's body. */
export interface HostResultMessage {
  type: 'result';
  id: number;
  timings: RunTimings;
  error?: RunErrorData;
  hasValue: boolean;
  /** Where the value breaks the job's validation target, when it had one. */
  violations?: OutputViolation[];
  /** Of a `runFile`: what the host read. */
  input?: RunFileInput;
  /** Of a `runFile`: the input could not be read or parsed; the client throws it. */
  failure?: CodedErrorData;
}

/** Host to client: a preview page (the body, small JSON), or why there is none. */
export interface HostPreviewResultMessage {
  type: 'preview';
  id: number;
  failure?: CodedErrorData;
}

/** Host to client: a masked copy was written (format, report, size; never the text), or why not. */
export interface HostMaskedMessage {
  type: 'masked';
  id: number;
  result?: MaskFileResult;
  failure?: CodedErrorData;
}

/** Any message a host sends. */
export type HostOutMessage = HostReadyMessage | HostResultMessage | HostPreviewResultMessage | HostMaskedMessage;

/** A decoded frame: the header and the raw JSON body after the first newline. */
export interface Frame<T> {
  header: T;
  body: string | undefined;
}

/** Joins a header and an optional JSON body into one message string. JSON.stringify never emits a raw newline, so the first one splits them. */
export function encodeFrame(header: HostInMessage | HostOutMessage, body?: string): string {
  const head = JSON.stringify(header);
  return body === undefined ? head : `${head}\n${body}`;
}

function splitFrame(text: unknown): { header: Record<string, unknown>; body: string | undefined } | undefined {
  if (typeof text !== 'string') return undefined;
  const cut = text.indexOf('\n');
  try {
    const header: unknown = JSON.parse(cut < 0 ? text : text.slice(0, cut));
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    return { header: header as Record<string, unknown>, body: cut < 0 ? undefined : text.slice(cut + 1) };
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Reads a client message; anything malformed gives `undefined` (the host ignores it rather than crash). */
export function decodeHostIn(text: unknown): Frame<HostInMessage> | undefined {
  const frame = splitFrame(text);
  if (!frame || !isId(frame.header.id)) return undefined;
  const { header, body } = frame;
  if (header.type === 'cancel') return { header: { type: 'cancel', id: header.id as number }, body: undefined };
  if (header.type === 'preview' || header.type === 'runFile') {
    const request = header.request;
    if (!isRecord(request) || typeof request.file !== 'string') return undefined;
    if (header.type === 'runFile' && typeof request.expression !== 'string') return undefined;
    if (header.type === 'runFile' && request.program !== undefined && typeof request.program !== 'string') return undefined;
    if (header.type === 'runFile' && request.validate !== undefined && !isRecord(request.validate)) return undefined;
    return { header: header as unknown as HostPreviewMessage | HostRunFileMessage, body: undefined };
  }
  if (header.type === 'maskFile') {
    const request = header.request;
    if (!isRecord(request) || typeof request.file !== 'string' || typeof request.out !== 'string' || typeof request.key !== 'string') return undefined;
    return { header: header as unknown as HostMaskFileMessage, body: undefined };
  }
  if (header.type !== 'run' || typeof header.expression !== 'string' || typeof header.hasInput !== 'boolean') return undefined;
  if (header.program !== undefined && typeof header.program !== 'string') return undefined;
  if (header.bindings !== undefined && !isRecord(header.bindings)) return undefined;
  if (header.limits !== undefined && !isRecord(header.limits)) return undefined;
  if (header.validate !== undefined && !isRecord(header.validate)) return undefined;
  if (header.hasInput && body === undefined) return undefined;
  return { header: header as unknown as HostRunMessage, body: header.hasInput ? body : undefined };
}

/** Reads a host message; anything malformed gives `undefined`. */
export function decodeHostOut(text: unknown): Frame<HostOutMessage> | undefined {
  const frame = splitFrame(text);
  if (!frame) return undefined;
  const { header, body } = frame;
  if (header.type === 'ready') return { header: { type: 'ready' }, body: undefined };
  if (header.type === 'preview') {
    if (!isId(header.id) || (header.failure === undefined) === (body === undefined)) return undefined;
    if (header.failure !== undefined && !isRecord(header.failure)) return undefined;
    return { header: header as unknown as HostPreviewResultMessage, body };
  }
  if (header.type === 'masked') {
    // Exactly one of a result or a failure.
    if (!isId(header.id) || (header.failure === undefined) === (header.result === undefined)) return undefined;
    if (header.failure !== undefined && !isRecord(header.failure)) return undefined;
    if (header.result !== undefined && !isRecord(header.result)) return undefined;
    return { header: header as unknown as HostMaskedMessage, body: undefined };
  }
  if (header.type !== 'result' || !isId(header.id) || typeof header.hasValue !== 'boolean') return undefined;
  if (typeof header.timings !== 'object' || header.timings === null) return undefined;
  if (header.hasValue && body === undefined) return undefined;
  if (header.violations !== undefined && !Array.isArray(header.violations)) return undefined;
  return { header: header as unknown as HostResultMessage, body: header.hasValue ? body : undefined };
}

/** The result frame of a finished run: the value goes as JSON text in the body. */
export function encodeResult(id: number, result: RunResult, input?: RunFileInput): string {
  const valueJson = result.error || result.value === undefined ? undefined : JSON.stringify(result.value);
  const header: HostResultMessage = { type: 'result', id, timings: result.timings, hasValue: valueJson !== undefined };
  if (result.error) header.error = result.error;
  if (result.violations) header.violations = result.violations;
  if (input) header.input = input;
  return encodeFrame(header, valueJson);
}

/** The result frame of a `runFile`: a run's result with its input's description, or the read failure. */
export function encodeFileResult(id: number, outcome: RunFileResult | { failure: CodedErrorData }): string {
  if ('failure' in outcome) {
    return encodeFrame({ type: 'result', id, timings: { parseMs: 0, evalMs: 0 }, hasValue: false, failure: outcome.failure });
  }
  const { input, ...result } = outcome;
  return encodeResult(id, result, input);
}

/** The preview frame: the page as JSON text in the body, or the failure in the header. */
export function encodePreview(id: number, outcome: { page: unknown } | { failure: CodedErrorData }): string {
  if ('failure' in outcome) return encodeFrame({ type: 'preview', id, failure: outcome.failure });
  return encodeFrame({ type: 'preview', id }, JSON.stringify(outcome.page));
}

/** The `masked` frame: the masked copy's format, report and size, or the failure. */
export function encodeMasked(id: number, outcome: { result: MaskFileResult } | { failure: CodedErrorData }): string {
  if ('failure' in outcome) return encodeFrame({ type: 'masked', id, failure: outcome.failure });
  return encodeFrame({ type: 'masked', id, result: outcome.result });
}

/** The error of every run that was pending when its engine host process died. */
export function hostCrashedError(detail: string): RunErrorData {
  return { code: 'RUN_HOST_CRASHED', message: `the engine host process stopped unexpectedly: ${detail}` };
}
