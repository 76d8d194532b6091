/**
 * Save As into another folder copies what the project refers to (samples,
 * schemas, lookup tables, test files) so the copy runs there: this asks the
 * backend (`saveProjectCopy`) before the project session's own Save As, and
 * turns its `FILE_EXISTS` refusal into a question for the user. Without
 * React, tested against a fake backend.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** What happened before the session's Save As may run. */
export type CopyOutcome =
  /** Nothing to copy (an untitled project, or the same folder). */
  | { status: 'skip' }
  /** Copied and saved; `text` is what was written (references re-pointed into external/ when they left the folder). */
  | { status: 'copied'; text: string; copied: string[] }
  /** Files in the way: ask before calling again with `replaceFiles`. */
  | { status: 'ask'; files: string[] }
  | { status: 'failed'; error: CodedErrorData };

/** The folder part of a path, either separator. */
export function folderOfPath(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at < 0 ? '' : path.slice(0, at);
}

/** Arguments of {@link copyForSaveAs}. */
export interface CopyRequest {
  /** The project file the text was opened from (undefined while untitled). */
  from?: string;
  to: string;
  text: string;
  sessionId?: string;
  replaceFiles?: boolean;
}

/** Copies the referenced files for a Save As from `from` to `to`, when the folder changes. */
export async function copyForSaveAs(api: Pick<StudioApi, 'saveProjectCopy'>, request: CopyRequest): Promise<CopyOutcome> {
  const { from, to } = request;
  if (from === undefined || folderOfPath(from) === folderOfPath(to)) return { status: 'skip' };
  const result = await api.saveProjectCopy({
    path: to,
    from,
    text: request.text,
    ...(request.sessionId !== undefined ? { sessionId: request.sessionId } : {}),
    ...(request.replaceFiles ? { replaceFiles: true } : {}),
  });
  if (result.ok) return { status: 'copied', text: result.value.project.text, copied: result.value.copied };
  if (result.error.code === 'FILE_EXISTS' && !request.replaceFiles) {
    // The backend lists the files in the way, one per line, relative to the new folder.
    const files = (result.error.expected ?? result.error.file ?? '').split('\n').filter((line) => line !== '');
    return { status: 'ask', files };
  }
  return { status: 'failed', error: result.error };
}
