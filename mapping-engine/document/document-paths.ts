/**
 * Paths inside a document are stored relative to the project file, with
 * forward slashes, so a project can move between machines and systems. These
 * helpers are pure string work (the engine never touches the file system).
 */

function parts(path: string): { root: string; names: string[] } {
  const unified = path.replace(/\\/g, '/');
  const root = /^[A-Za-z]:\//.test(unified) ? unified.slice(0, 3) : unified.startsWith('/') ? '/' : '';
  return { root, names: unified.slice(root.length).split('/').filter((n) => n !== '' && n !== '.') };
}

function normalise(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(name);
  }
  return out;
}

/** The folder part of a file path. */
export function folderOf(file: string): string {
  const { root, names } = parts(file);
  return root + names.slice(0, -1).join('/');
}

/** Resolves `relative` (as stored in the document) against the project file's folder. */
export function resolveDocumentPath(projectFile: string, relative: string): string {
  const base = parts(folderOf(projectFile));
  const rel = parts(relative);
  if (rel.root) return rel.root + normalise(rel.names).join('/');
  return base.root + normalise([...base.names, ...rel.names]).join('/');
}

/** The path to store for `target` in the document at `projectFile` (forward slashes, `..` where needed). */
export function toDocumentPath(projectFile: string, target: string): string {
  const from = parts(folderOf(projectFile));
  const to = parts(target);
  if (from.root.toLowerCase() !== to.root.toLowerCase()) throw new Error(`${target} is on another drive than ${projectFile}`);
  const a = normalise(from.names);
  const b = normalise(to.names);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
