/**
 * The New project dialog's rules, without React: the project file's name
 * made from the project's name, the path it is saved at, what a detected
 * file is called, and what is still missing before Create can run. Pure
 * functions, tested in plain Node.
 */
import type { ChosenFileInfo, EndpointChoice } from '../../../electron/contract/methods/project-file-methods';

/** The file-name suffix of every project. */
export const PROJECT_SUFFIX = '.mapwright.json';

/** The project file name for a project called `name`: `orders-to-erp.mapwright.json`. */
export function projectFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${stem || 'mapping'}${PROJECT_SUFFIX}`;
}

/** True for an absolute path: POSIX, a Windows drive or a UNC share. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** A path as typed: trimmed, surrounding quotes (from a "copy as path") removed. */
export function cleanPath(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2');
}

/**
 * The command that starts the web studio with the folder of `file` granted
 * (`npm run web -- --allow <folder>`): in a browser the page may not grant a
 * data file itself (security model: only the user's gesture at the terminal
 * or in a native dialog does), so the refusal tells the user this way.
 * The folder is quoted for a POSIX shell; a Windows path (`C:\...`) in double quotes.
 */
export function allowCommand(file: string): string {
  const path = cleanPath(file);
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  // A file at the root keeps the root's separator (`/x.json` -> `/`, `C:\x.json` -> `C:\`).
  let folder = cut < 0 ? path : path.slice(0, cut);
  if (cut >= 0 && (folder === '' || /^[A-Za-z]:$/.test(folder))) folder = path.slice(0, cut + 1);
  // A drive's root stays bare: `"C:\"` would escape its closing quote on Windows.
  const quoted = /^[A-Za-z]:\\$/.test(folder) ? folder : /^[A-Za-z]:/.test(folder) ? `"${folder}"` : `'${folder.replace(/'/g, `'\\''`)}'`;
  return `npm run web -- --allow ${quoted}`;
}

/**
 * The project file's absolute path in `folder` (the folder's own separator),
 * or why it cannot be made.
 */
export function projectPathIn(folder: string, fileName: string): { path: string } | { problem: string; field: 'folder' | 'fileName' } {
  const dir = cleanPath(folder);
  const file = fileName.trim();
  if (!dir) return { problem: 'Enter the folder to save the project in.', field: 'folder' };
  if (!isAbsolutePath(dir)) return { problem: 'Enter an absolute folder path (for example /home/me/mappings).', field: 'folder' };
  if (!file) return { problem: 'Enter a file name.', field: 'fileName' };
  if (/[\\/]/.test(file) || file.startsWith('.')) return { problem: 'A file name has no folder part and does not start with a dot.', field: 'fileName' };
  if (!file.toLowerCase().endsWith(PROJECT_SUFFIX)) return { problem: `A project file name ends in ${PROJECT_SUFFIX}.`, field: 'fileName' };
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return { path: `${dir.replace(/[\\/]+$/, '')}${separator}${file}` };
}

/** How a detected file is named in the dialog: "JSON sample", "OpenAPI document"... */
export function kindLabel(info: Pick<ChosenFileInfo, 'kind' | 'format'>): string {
  switch (info.kind) {
    case 'sample':
      return `${info.format === 'jsonl' ? 'JSON Lines' : info.format.toUpperCase()} sample`;
    case 'json-schema':
      return 'JSON Schema';
    case 'openapi':
      return 'OpenAPI document';
    case 'xsd':
      return 'XML Schema (XSD)';
  }
}

/** One side as the dialog holds it: the typed path, and what the backend detected there. */
export interface SidePick {
  path: string;
  info?: ChosenFileInfo;
  /** The chosen root, for OpenAPI and XSD. */
  root?: string;
}

/** The side's choice for `createProject`, or why it is not ready. */
export function endpointChoice(pick: SidePick, side: 'source' | 'target'): { choice: EndpointChoice } | { problem: string } {
  const path = cleanPath(pick.path);
  if (!path) return { problem: `Pick the ${side}: a sample payload or a schema.` };
  if (!pick.info) return { problem: `Check the ${side} file first.` };
  const needsRoot = pick.info.kind === 'openapi' || pick.info.kind === 'xsd';
  if (needsRoot && pick.info.roots.length === 0) return { problem: `The ${side} schema declares nothing to map.` };
  const root = needsRoot ? (pick.root ?? pick.info.roots[0]) : undefined;
  return { choice: { file: path, kind: pick.info.kind, ...(root !== undefined ? { root } : {}) } };
}

/** True when a side's roots are a choice to show (OpenAPI components and operations, XSD elements). */
export function hasRoots(info: ChosenFileInfo | undefined): boolean {
  return info !== undefined && (info.kind === 'openapi' || info.kind === 'xsd') && info.roots.length > 0;
}
