/**
 * Checks a mapping project the way `mapwright validate` reports it: the
 * document itself, every file it references (schemas, samples, lookup CSVs,
 * test-case files: present and parseable), that it compiles, and that every
 * source and target path its rules name is a field of its side (check-paths.ts). Every problem
 * is collected rather than stopping at the first, so one run lists them all.
 */
import { toCodedError, type CodedErrorData } from '../errors';
import { compileDocument } from '../compiler/compile-document';
import { readLookupTables } from '../compiler/compile-project';
import type { FileTables } from '../compiler/lookup-table';
import { assertParses } from '../compiler/parse-check';
import { resolveDocumentPath } from '../document/document-paths';
import type { MappingDocument } from '../document/document-schema';
import { loadDocument } from '../document/load-document';
import { readPayload } from '../payload/read-payload';
import type { PayloadFormat } from '../payload/types';
import { loadJsonSchema } from '../schema/json-schema';
import { loadSchema } from '../schema/load-schema';
import type { SourceResolver } from '../schema/resolver';
import { checkDocumentPaths, type SideRoots } from './check-paths';
import { loadTargetSchema } from './load-target';
import { placeCompileError } from './place-compile-error';
import { sortKeyWarnings } from './sort-key-warnings';

/** What checking one project found; `problems` empty means it is fine. */
export interface ProjectCheck {
  problems: CodedErrorData[];
  /** Coded warnings that do not fail the check (a sort key sorting dd.MM.yyyy text as text), with their line and column. */
  warnings?: CodedErrorData[];
  /** A notice about the document (a newer format version), not a problem. */
  notice?: CodedErrorData;
}

async function attempt(problems: CodedErrorData[], work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    problems.push(toCodedError(error));
    return false;
  }
}

async function checkSide(doc: MappingDocument, side: 'source' | 'target', projectFile: string, resolver: SourceResolver, problems: CodedErrorData[]): Promise<void> {
  const { schema, samples, format } = doc[side];
  if (schema && 'inline' in schema) {
    await attempt(problems, () => loadJsonSchema(JSON.stringify(schema.inline), projectFile, resolver));
  } else if (schema) {
    const file = resolveDocumentPath(projectFile, schema.file);
    await attempt(problems, async () => loadSchema([{ file, bytes: await resolver.read(file) }], { resolver, ...(schema.root !== undefined ? { root: schema.root } : {}) }));
  }
  for (const sample of samples) await checkPayload(resolveDocumentPath(projectFile, sample), format, resolver, problems);
}

async function checkPayload(file: string, format: PayloadFormat, resolver: SourceResolver, problems: CodedErrorData[]): Promise<void> {
  await attempt(problems, async () => readPayload(await resolver.read(file), { file, format }));
}

/** The fields of both sides; a side that cannot be loaded (reported above) is left out. */
async function sideRoots(doc: MappingDocument, projectFile: string, resolver: SourceResolver): Promise<SideRoots> {
  const roots: SideRoots = {};
  for (const side of ['source', 'target'] as const) {
    try {
      const loaded = await loadTargetSchema(doc, projectFile, resolver, side);
      if (loaded?.schema) roots[side] = loaded.schema.root;
    } catch {
      // Already a problem of checkSide.
    }
  }
  return roots;
}

/**
 * Checks the project `text` stored at `projectFile`.
 * @param resolver - reads referenced files; it should throw coded `FILE_READ`/`NOT_FOUND` errors naming the file
 */
export async function checkProject(text: string, projectFile: string, resolver: SourceResolver): Promise<ProjectCheck> {
  const problems: CodedErrorData[] = [];
  let doc: MappingDocument;
  let notice: CodedErrorData | undefined;
  try {
    const loaded = loadDocument(text, projectFile);
    doc = loaded.document;
    notice = loaded.notice;
  } catch (error) {
    // Nothing else can be checked without a valid document.
    return { problems: [toCodedError(error)] };
  }
  await checkSide(doc, 'source', projectFile, resolver, problems);
  await checkSide(doc, 'target', projectFile, resolver, problems);
  for (const test of doc.tests) {
    await checkPayload(resolveDocumentPath(projectFile, test.input), doc.source.format, resolver, problems);
    if (test.expected) await checkPayload(resolveDocumentPath(projectFile, test.expected), doc.target.format, resolver, problems);
  }
  let tables: FileTables | undefined;
  const tablesRead = await attempt(problems, async () => {
    tables = await readLookupTables(doc, projectFile, resolver);
  });
  // Without its lookup tables the compiler would only repeat the lookup problem.
  // The whole generated text must parse too, not only each field's own JSONata.
  if (tablesRead) {
    const found = problems.length;
    await attempt(problems, async () => assertParses(compileDocument(doc, { tables: tables ?? {} })));
    // The compiler names the target field only; the problem is printed at the rule's line and column.
    for (let i = found; i < problems.length; i++) problems[i] = placeCompileError(problems[i]!, doc, text, projectFile);
  }
  const roots = await sideRoots(doc, projectFile, resolver);
  problems.push(...checkDocumentPaths(doc, text, projectFile, roots));
  const warnings = await sortKeyWarnings(doc, text, projectFile, resolver, roots);
  return { problems, ...(warnings.length ? { warnings } : {}), ...(notice ? { notice } : {}) };
}
