/**
 * Which payload the studio's preview run maps: the input of the document's
 * first test case (the case a consultant wrote for exactly this record), else
 * its first source sample.
 */
import type { StartRunRequest } from '../../../electron/contract/methods/engine-methods';

/** The input part of a `startRun` request for `documentText`, or undefined when the document names no input. */
export function previewRunInput(documentText: string): Pick<StartRunRequest, 'inputFile' | 'sampleIndex'> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(documentText);
  } catch {
    return undefined; // compileDocument reports the syntax error with its position
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { tests, source } = doc as { tests?: unknown; source?: { samples?: unknown } };
  const first = Array.isArray(tests) ? (tests[0] as { input?: unknown } | undefined) : undefined;
  if (typeof first?.input === 'string' && first.input !== '') return { inputFile: first.input };
  if (Array.isArray(source?.samples) && source.samples.length > 0) return { sampleIndex: 0 };
  return undefined;
}
