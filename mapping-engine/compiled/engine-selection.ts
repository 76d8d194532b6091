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
import { parameterBinding } from '../compiler/run-parameters';
import { compileProgram, type ProgramResult } from './compile-program';
import type { FileTables } from './table-data';

/** A mapping as the hosts hold it: its document, compiled expression and the CSV lookup tables it read. */
export interface EngineMapping {
  document: MappingDocument;
  compiled: CompiledMapping;
  /** Contents of lookup tables stored in files; without them a document using one runs through jsonata. */
  tables?: FileTables;
}

/** The engine part of a run job: the expression, the compiled program when there is one, and the run's bindings. */
export interface EngineJob {
  expression: string;
  program?: string;
  /** The run parameters' bindings, with the time of the run pinned for those defaulting to it (see {@link runBindings}). */
  bindings?: Record<string, unknown>;
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

/**
 * `bindings` (as `parameterBindings` gives them) with each parameter of
 * `parameters` that defaults to the time of the run and is not set pinned to
 * `now`, in the form the JSONata's `$now()` default gives (an ISO 8601
 * timestamp in UTC with milliseconds; its first ten characters for a
 * `date`). jsonata and the program then read the same value, so a run never
 * gives two times. Undefined when there is nothing to bind.
 */
export function runBindings(parameters: Readonly<Record<string, { type?: string; now?: boolean }>> | undefined, bindings: Record<string, unknown> | undefined, now: Date): Record<string, unknown> | undefined {
  let pinned: Record<string, unknown> | undefined;
  for (const [name, p] of Object.entries(parameters ?? {})) {
    const binding = parameterBinding(name);
    if (!p.now || (bindings !== undefined && Object.hasOwn(bindings, binding) && bindings[binding] !== undefined)) continue;
    const iso = now.toISOString();
    pinned = { ...pinned, [binding]: p.type === 'date' ? iso.slice(0, 10) : iso };
  }
  return pinned ? { ...bindings, ...pinned } : bindings;
}

/**
 * The expression, program and bindings a runner job for `mapping` carries:
 * `bindings` are the run's parameters, and a parameter defaulting to the
 * time of the run is pinned here, once per job, to the time it is built.
 */
export function mappingJob(mapping: EngineMapping, bindings?: Record<string, unknown>): EngineJob {
  const result = programOf(mapping);
  const job: EngineJob = 'program' in result ? { expression: mapping.compiled.expression, program: result.program } : { expression: mapping.compiled.expression };
  const all = runBindings(mapping.document.parameters, bindings, new Date());
  return all ? { ...job, bindings: all } : job;
}
