/**
 * The logic of "Import sample…" without React: when the button is usable, how
 * a typed path is checked, how the imported copy is added to the document and
 * what an access refusal tells the user. The backend masks and writes the copy
 * (electron/backend/engine/import-sample.ts); the renderer only records it.
 *
 * Decision: the browser does NOT grant a path the user typed. The web host
 * reads only files inside the open project's folder, its configured roots or
 * files granted through a native dialog (electron/backend/engine/file-access.ts).
 * A typed path cannot be told apart from one an injected script or a pasted
 * link chose, and a sample is personal data by definition; so an outside path
 * is refused with ACCESS_DENIED and the dialog says to copy the file into the
 * project folder first. Electron picks through the native dialog instead.
 */
import { loadDocument, validateDocument } from '../../../mapping-engine/document/load-document';
import { serializeDocument } from '../../../mapping-engine/document/serialize-document';
import { toCodedError, type CodedErrorData } from '../../../mapping-engine/errors';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';

/** Which side of the mapping a sample feeds. */
export type SampleSide = 'source' | 'target';

/** What the project state must allow before an import (see {@link importAvailability}). */
export interface ImportProjectState {
  path?: string;
  readOnly: boolean;
  /** A bundled sample: it is never written, so it is saved as the user's own copy first. */
  template: boolean;
}

/** `ready`: import now; `saveFirst`: Save As first (untitled or bundled sample); `unavailable`: no project or read-only. */
export type ImportAvailability = 'ready' | 'saveFirst' | 'unavailable';

/** Whether "Import sample…" can run for the open project. */
export function importAvailability(project: ImportProjectState | undefined): ImportAvailability {
  if (!project || project.readOnly) return 'unavailable';
  // The masked copy goes into the project's own samples/ folder, so the project needs a folder of its own.
  if (project.path === undefined || project.template) return 'saveFirst';
  return 'ready';
}

/** Payload file extensions the engine reads. */
const PAYLOAD_EXTENSION = /\.(json|jsonl|ndjson|xml|csv)$/i;

/** A typed sample path, trimmed and checked, or the problem to show under the field. */
export function typedSamplePath(value: string): { path: string } | { problem: string } {
  const path = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (!path) return { problem: 'Enter the path of a sample file.' };
  if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) && !path.startsWith('\\\\')) {
    return {
      problem: 'Enter an absolute path (for example /home/me/exports/customers.csv).',
    };
  }
  if (!PAYLOAD_EXTENSION.test(path)) return { problem: 'A sample is a .json, .jsonl, .xml or .csv file.' };
  return { path };
}

/**
 * The document text with `relativePath` added to `side`'s samples (once: an
 * entry already there is not repeated). Parsed and written in the stable form,
 * so the change is one line in a diff.
 * @throws MapwrightError the document's own code when the text does not load (the user fixes it first)
 */
export function addSampleToDocument(text: string, side: SampleSide, relativePath: string): string {
  const { document } = loadDocument(text);
  const samples = document[side].samples;
  if (samples.includes(relativePath)) return serializeDocument(document);
  // Validated before writing, so a bad entry is a coded DOC_INVALID rather than a bare schema error.
  return serializeDocument(validateDocument({ ...document, [side]: { ...document[side], samples: [...samples, relativePath] } }));
}

/** {@link addSampleToDocument} as a result, for a UI that shows the error rather than throwing. */
export function tryAddSample(text: string, side: SampleSide, relativePath: string): { text: string } | { error: CodedErrorData } {
  try {
    return { text: addSampleToDocument(text, side, relativePath) };
  } catch (error) {
    return { error: toCodedError(error) };
  }
}

/** The format of `side` in the document `text` as edited; undefined when the text does not say (the backend then reads the saved one). */
export function sideFormatIn(text: string, side: SampleSide): PayloadFormat | undefined {
  try {
    const format = (JSON.parse(text) as Record<string, { format?: unknown } | undefined>)[side]?.format;
    return format === 'json' || format === 'jsonl' || format === 'xml' || format === 'csv' ? format : undefined;
  } catch {
    return undefined;
  }
}

/** A sentence that says what to do about an import failure, beyond the coded error itself. */
export function importHint(error: CodedErrorData): string | undefined {
  if (error.code === 'ACCESS_DENIED') {
    return 'The studio only reads files inside the project’s folder or its configured folders. Copy the file into the project folder (for example next to the project file) and import it from there.';
  }
  if (error.code === 'LIMIT_EXCEEDED') return 'Cut the export to a representative part and import that.';
  if (error.code === 'SAMPLE_INVALID') return 'A project reads one format per side. Export the sample in that format, or change the side’s format first.';
  return undefined;
}
