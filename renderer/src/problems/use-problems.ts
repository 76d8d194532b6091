/**
 * The Problems panel's entries for the open document: the engine's
 * `documentProblems` over the compile error, the latest preview's runtime
 * errors and schema violations, and the source and target fields (read
 * through the backend once per file, as the rules view reads them), and sort
 * keys that sort dd.MM.yyyy text as text (judged on the first source sample).
 */
import { useEffect, useMemo } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { documentProblems, pathNames, type Coverage, type Problem, type SideField } from '../../../mapping-engine/document/problems/problems';
import { sortDateTextProblems, valuesAt } from '../../../mapping-engine/document/problems/sort-date-text';
import { useSampleRecords } from './use-sample-records';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult, RunOutcome, SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { fieldsFileOf, fieldsRootOf, useFieldRows } from '../rules/use-field-rows';
import { publishFieldValues } from '../document/field-values';

/** A problem with where it sits in the generated JSONata. */
export interface ShownProblem extends Problem {
  /** Line (1-based) of the rule's expression in the generated JSONata. */
  jsonataLine?: number;
}

/** What {@link useProblems} gives. */
export interface ProblemsState {
  problems: ShownProblem[];
  coverage?: Coverage;
}

/** Schema rows as the engine's problem checks read them. */
export function sideFieldsOf(rows: readonly SchemaFieldRow[]): SideField[] {
  return rows.map((r) => ({ path: r.path, required: r.required, container: r.hasChildren }));
}

/** The line of `offset` in `text` (1-based). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Computes the problems of `document` (see the module comment). */
export function useProblems(
  api: (Pick<StudioApi, 'importSchema'> & Partial<Pick<StudioApi, 'readPayloadPreview'>>) | undefined,
  projectPath: string | undefined,
  document: MappingDocument | undefined,
  compiled: CompileResult | undefined,
  compileError: CodedErrorData | undefined,
  result: RunOutcome | undefined,
): ProblemsState {
  const target = useFieldRows(api, projectPath, fieldsFileOf(document, 'target'), fieldsRootOf(document, 'target'));
  const source = useFieldRows(api, projectPath, fieldsFileOf(document, 'source'), fieldsRootOf(document, 'source'));
  const samples = useSampleRecords(api, projectPath, document);
  // The value map forms offer the samples' values and the target's allowed values (field-values.ts).
  useEffect(() => publishFieldValues(samples, target.rows), [samples, target.rows]);
  return useMemo(() => {
    if (!document) return compileError ? { problems: [{ kind: 'compile', severity: 'error', code: compileError.code, message: compileError.message, ...(compileError.line !== undefined ? { line: compileError.line } : {}) }] } : { problems: [] };
    const found = documentProblems(document, {
      ...(compileError ? { compileError } : {}),
      ...(result ? { fieldErrors: result.fieldErrors, violations: result.violations } : {}),
      ...(target.rows ? { targetFields: sideFieldsOf(target.rows) } : {}),
      // A cut field list would report fields past the cut as missing.
      ...(source.rows && !source.truncated ? { sourceFields: sideFieldsOf(source.rows) } : {}),
    });
    // Sort keys sorting dd.MM.yyyy text as text, judged on the sample's values and the source schema's formats.
    const formats = new Map((source.rows ?? []).flatMap((r) => (r.format ? [[JSON.stringify(pathNames(r.path) ?? []), r.format] as const] : [])));
    const sortWarnings = sortDateTextProblems(document, (names) => {
      const format = formats.get(JSON.stringify(names));
      return { values: samples.flatMap((s) => valuesAt(s, names)), ...(format ? { format } : {}) };
    }).map(({ pointer: _pointer, ...p }) => p);
    const problems = [...found.problems, ...sortWarnings].map((p): ShownProblem => {
      const span = p.target !== undefined && compiled ? compiled.sourceMap[p.target] : undefined;
      return span && compiled ? { ...p, jsonataLine: lineAt(compiled.expression, span.start) } : p;
    });
    return { problems, ...(found.coverage ? { coverage: found.coverage } : {}) };
  }, [document, compileError, result, target.rows, source.rows, source.truncated, compiled, samples]);
}
