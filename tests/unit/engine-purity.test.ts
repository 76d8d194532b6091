/**
 * DEVELOPERS.md rule 1, checked from the sources: the pure engine imports no
 * Node, Electron, React or DOM modules and names no Node-only globals. Only
 * `mapping-engine/node/` (the host) may.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', 'mapping-engine');
const hostDir = join(root, 'node');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (full === hostDir) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const FORBIDDEN_MODULE = /^(node:|electron$|electron\/|react$|react-dom|react\/|@xyflow\/|monaco-editor|fs$|path$|os$|child_process$|worker_threads$|stream$|crypto$|http$|https$|net$|buffer$|process$|zlib$|util$|url$|events$)/;
const FORBIDDEN_GLOBAL = /(?<![.\w$])(process\.|Buffer\.|require\(|__dirname|__filename|window\.|document\.)/;

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) specs.push(match[1] ?? match[2] ?? match[3] ?? '');
  return specs;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('engine purity', () => {
  const files = sourceFiles(root);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports nothing impure', (_name, file) => {
    const source = stripComments(readFileSync(file, 'utf8'));
    const bad = importsOf(source).filter((spec) => FORBIDDEN_MODULE.test(spec) || /(^|\/)node(\/|$)/.test(spec));
    expect(bad).toEqual([]);
    expect(source.match(FORBIDDEN_GLOBAL)?.[0]).toBeUndefined();
  });

  it('detects a violation (the checker itself works)', () => {
    const sample = "import { readFileSync } from 'node:fs';\nconst x = process.env.HOME;";
    expect(importsOf(sample)).toEqual(['node:fs']);
    expect(FORBIDDEN_GLOBAL.test(sample)).toBe(true);
  });
});
