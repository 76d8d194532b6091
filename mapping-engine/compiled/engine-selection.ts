/**
 * The one place that decides which engine runs a mapping. Every host builds
 * its run job here (`mapwright run`, `test` and batch, the studio's preview
 * and its tests panel), so they never disagree: the job carries the JSONata
 * expression and, when the document compiles to a program, the program too.
 * The runner worker runs the program and hands anything it does not
 * reproduce to jsonata; `MAPWRIGHT_ENGINE=jsonata` in the environment of the
 * process running the workers turns the program off.
 */
import type { CompiledMapping } from '../compiler/compile-document';
import type { MappingDocument } from '../document/document-schema';
import { compileProgram, type FileTables, type ProgramResult } from './compile-program';

/** A mapping as the hosts hold it: its document, compiled expression and the CSV lookup tables it read. */
export interface EngineMapping {
  document: MappingDocument;
  compiled: CompiledMapping;
  /** Contents of lookup tables stored in files; without them a document using one runs through jsonata. */
  tables?: FileTables;
}

/** The engine part of a run job: the expression, and the compiled program when there is one. */
export interface EngineJob {
  expression: string;
  program?: string;
}

/** Programs by compiled expression object: a document is compiled to a program once however often it runs. */
const programs = new WeakMap<CompiledMapping, ProgramResult>();

/** The program of `mapping`, or why it runs through jsonata (kept per compiled mapping). */
export function programOf(mapping: EngineMapping): ProgramResult {
  let result = programs.get(mapping.compiled);
  if (!result) {
    result = compileProgram(mapping.document, mapping.tables, mapping.compiled);
    programs.set(mapping.compiled, result);
  }
  return result;
}

/** The expression and program a runner job for `mapping` carries. */
export function mappingJob(mapping: EngineMapping): EngineJob {
  const result = programOf(mapping);
  return 'program' in result ? { expression: mapping.compiled.expression, program: result.program } : { expression: mapping.compiled.expression };
}
