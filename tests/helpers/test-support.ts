/**
 * Helpers shared by tests: where the corpus is, a file-system resolver that
 * records what schema loaders read, and capture of a coded error.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MapwrightError } from '../../mapping-engine/errors';
import type { SourceResolver } from '../../mapping-engine/schema/resolver';

/** Absolute path of the corpus copy (tests/fixtures/corpus), or of a file in it. */
export function corpusPath(...relative: string[]): string {
  return join(import.meta.dirname, '..', 'fixtures', 'corpus', ...relative);
}

/** A node:fs resolver that records every location it reads (to check each file is read once). */
export function recordingFsResolver(): SourceResolver & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async read(location: string) {
      reads.push(location);
      return new Uint8Array(await readFile(location));
    },
  };
}

/** Runs `work`, which must throw a MapwrightError, and returns that error. */
export function failure(work: () => unknown): MapwrightError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(MapwrightError);
    return error as MapwrightError;
  }
  throw new Error('expected the call to throw');
}
