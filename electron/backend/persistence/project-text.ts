/**
 * The document rules of reading and writing a project file: strict UTF-8,
 * migrations on open, and the checks that keep a save from ever writing an
 * invalid document or overwriting a file from a newer Mapwright.
 */
import { MapwrightError } from '../../../mapping-engine/errors';
import { CURRENT_FORMAT_VERSION, loadDocument, serializeDocument, versionOf, type LoadedDocument } from '../../../mapping-engine/document';
import { decodeText } from '../../../mapping-engine/payload/decode';

/** Decodes a project file's bytes (BOM honoured; invalid UTF-8 is an `ENCODING` error naming the file). */
export function decodeProjectText(bytes: Uint8Array, file: string): string {
  return decodeText(bytes, { file, nonUtf8: 'error' }).text;
}

/** What a save writes, once the text has passed every check. */
export interface PreparedSave {
  /** The text to write: the editor's text, or the migrated document's stable text when it was older. */
  text: string;
  loaded: LoadedDocument;
}

/**
 * Validates the text a save was asked to write. The document is loaded
 * exactly as on open, so JSON and schema problems come back with line and
 * column; an older version is written migrated, never as it came.
 * @throws MapwrightError `JSON_PARSE` / `DOC_INVALID` (invalid text), `DOC_READ_ONLY` (newer version)
 */
export function prepareForSave(text: string, file: string): PreparedSave {
  const loaded = loadDocument(text, file);
  if (loaded.readOnly) {
    throw new MapwrightError('DOC_READ_ONLY', 'this project is from a newer Mapwright and is open read-only; saving would drop what this version does not know', {
      file,
      expected: `format version ${CURRENT_FORMAT_VERSION} or older`,
    });
  }
  if (loaded.migratedFrom === undefined) return { text, loaded };
  return { text: serializeDocument(loaded.document), loaded: { document: loaded.document, readOnly: false } };
}

/**
 * Refuses to overwrite a file whose format version is newer than this
 * build's, even with text that is valid here: the other version's data would
 * be lost. Unreadable or damaged files may be overwritten (nothing to keep).
 * @throws MapwrightError `DOC_READ_ONLY`
 */
export function refuseNewerOnDisk(existing: Uint8Array, file: string): void {
  let version: unknown;
  try {
    const raw: unknown = JSON.parse(decodeProjectText(existing, file));
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
    version = versionOf(raw as Record<string, unknown>);
  } catch {
    return;
  }
  if (typeof version === 'number' && version > CURRENT_FORMAT_VERSION) {
    throw new MapwrightError('DOC_READ_ONLY', `${file} was written by a newer Mapwright (format version ${version}); it is not overwritten`, {
      file,
      expected: 'save under another name',
    });
  }
}
