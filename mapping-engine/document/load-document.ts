/**
 * Reads a project file: JSON syntax, then the format version (migrating older
 * files, opening newer ones read-only), then the zod schema. Every problem is
 * a coded error naming the file and the JSON path of the problem.
 */
import type { z } from 'zod';
import { codeStackOverflow, lineColumnAt, MapwrightError, type CodedErrorData } from '../errors';
import { parseJsonText } from '../payload/json-read';
import { CURRENT_FORMAT_VERSION, mappingDocumentSchema, type MappingDocument } from './document-schema';
import { locatePath } from './locate-pointer';
import { migrate, versionOf } from './migrations';

/** A loaded document and how it may be used. */
export interface LoadedDocument {
  document: MappingDocument;
  /** True for a file from a newer Mapwright: saving it would drop what this build does not know. */
  readOnly: boolean;
  /** Why the document is read-only (DOC_NEWER_VERSION), for the UI to show. */
  notice?: CodedErrorData;
  /** The format version the file had when it was older than this build. */
  migratedFrom?: number;
}

/** `/rules/2/target` style pointer of a zod issue path. */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '/' : path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function invalid(error: z.ZodError, file: string | undefined, text: string | undefined): MapwrightError {
  const issue = error.issues[0]!;
  const where = jsonPointer(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  // Line and column only when the text is the one validated (not after a migration reshaped it).
  const position = text === undefined ? {} : lineColumnAt(text, locatePath(text, issue.path));
  return new MapwrightError('DOC_INVALID', `${where}: ${issue.message}${more}`, { file, expected: where, ...position });
}

/**
 * Validates a raw document object of the current version; `text`, when
 * given, is the JSON it was parsed from, for line and column in errors.
 */
export function validateDocument(raw: unknown, file?: string, text?: string): MappingDocument {
  const result = mappingDocumentSchema.safeParse(raw);
  if (!result.success) throw invalid(result.error, file, text);
  return result.data;
}

/**
 * Loads a `*.mapwright.json` text. Throws JSON_PARSE, DOC_INVALID (also for
 * reserved names such as `constructor.prototype.x`, with the line), DOC_NEWER_VERSION
 * when a newer file cannot be read even read-only, or LIMIT_EXCEEDED when nested past the stack.
 */
export function loadDocument(text: string, file?: string): LoadedDocument {
  try {
    return loadDocumentText(text, file);
  } catch (error) {
    // A document nested past the stack (an inline schema, a JSON array of arrays) is the file's depth, not a bug.
    throw codeStackOverflow(error, file, 'the mapping document');
  }
}

function loadDocumentText(text: string, file?: string): LoadedDocument {
  const raw = parseJsonText(text, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new MapwrightError('DOC_INVALID', '/: a mapping document is a JSON object', { file, expected: 'an object with formatVersion' });
  }
  const version = versionOf(raw as Record<string, unknown>);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MapwrightError('DOC_INVALID', '/formatVersion: missing or not a whole number', { file, expected: '/formatVersion' });
  }
  if (version > CURRENT_FORMAT_VERSION) {
    const notice = new MapwrightError('DOC_NEWER_VERSION', `format version ${version} is newer than this Mapwright (${CURRENT_FORMAT_VERSION}); opened read-only`, { file });
    // Read what this build understands; unknown keys are dropped, which is why saving is refused.
    const lenient = mappingDocumentSchema.safeParse(stripUnknown({ ...raw, formatVersion: CURRENT_FORMAT_VERSION }));
    if (!lenient.success) throw new MapwrightError('DOC_NEWER_VERSION', `format version ${version} is newer than this Mapwright (${CURRENT_FORMAT_VERSION}) and cannot be read`, { file });
    return { document: lenient.data, readOnly: true, notice: notice.toJSON() };
  }
  if (version < CURRENT_FORMAT_VERSION) {
    let migrated: Record<string, unknown>;
    try {
      migrated = migrate(raw as Record<string, unknown>, version, CURRENT_FORMAT_VERSION);
    } catch (error) {
      throw new MapwrightError('DOC_INVALID', `/formatVersion: ${error instanceof Error ? error.message : String(error)}`, { file, cause: error });
    }
    return { document: validateDocument(migrated, file), readOnly: false, migratedFrom: version };
  }
  return { document: validateDocument(raw, file, text), readOnly: false };
}

/** Top-level keys of this version; a newer file's extra top-level keys are ignored when read-only. */
function stripUnknown(raw: Record<string, unknown>): Record<string, unknown> {
  const known = Object.keys(mappingDocumentSchema.shape);
  return Object.fromEntries(Object.entries(raw).filter(([k]) => known.includes(k)));
}
