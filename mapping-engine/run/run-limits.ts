/**
 * Default limits of an expression run and their validation. The defaults suit
 * a live preview on a sample payload; batch runs pass larger ones.
 */
import { MapwrightError } from '../errors';
import type { RunLimits } from './run-types';

/** Limits used when a job names none. */
export const DEFAULT_RUN_LIMITS: Readonly<RunLimits> = Object.freeze({
  timeoutMs: 5_000,
  maxDepth: 500,
  memoryMb: 256,
});

/** Smallest memory limit: a fresh worker already holds about 8 MB (V8, jsonata and, from source, tsx). */
export const MIN_MEMORY_MB = 32;

function checkWhole(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new MapwrightError('USAGE', `run limit ${name} must be a whole number of at least ${min}, got ${String(value)}`, {
      expected: `${name} >= ${min}`,
    });
  }
}

/**
 * Fills a job's partial limits from the defaults and checks them.
 * @throws MapwrightError `USAGE` for a limit that is not a positive whole number
 */
export function resolveRunLimits(partial: Partial<RunLimits> = {}, defaults: Readonly<RunLimits> = DEFAULT_RUN_LIMITS): RunLimits {
  const limits: RunLimits = {
    timeoutMs: partial.timeoutMs ?? defaults.timeoutMs,
    maxDepth: partial.maxDepth ?? defaults.maxDepth,
    memoryMb: partial.memoryMb ?? defaults.memoryMb,
  };
  const maxSequence = partial.maxSequence ?? defaults.maxSequence;
  if (maxSequence !== undefined) limits.maxSequence = maxSequence;
  checkWhole('timeoutMs', limits.timeoutMs, 1);
  checkWhole('maxDepth', limits.maxDepth, 1);
  checkWhole('memoryMb', limits.memoryMb, MIN_MEMORY_MB);
  if (limits.maxSequence !== undefined) checkWhole('maxSequence', limits.maxSequence, 1);
  return limits;
}
