/**
 * Builds compiled program text into a function and runs it. Called inside the
 * runner worker, so a program runs under the same limits and hard kill as
 * jsonata. The function is built with `new Function`, with the runtime as its
 * only capability: the names through which code could reach Node or the host
 * (`process`, `require`, `globalThis`...) are parameters bound to undefined,
 * and the compiler puts every user string in as a JSON literal, never as code.
 */
import { dateConverter } from './date-runtime';
import * as runtime from './runtime';
import * as lists from './runtime-lists';
import * as texts from './runtime-text';
import * as numbers from './runtime-numbers';
import * as checks from './runtime-checks';
import * as groups from './runtime-groups';
import { Bail } from './runtime';

/** One mapping as compiled code: input (a payload or a chunk of records) and the run's bindings (run parameters) to output. */
export type ProgramFunction = (input: unknown, bindings?: Record<string, unknown>) => unknown;

/** The runtime a program sees as `rt`. */
const RT = Object.freeze({ ...runtime, ...lists, ...texts, ...numbers, ...checks, ...groups, dateConverter });

/** Names shadowed inside a program, so generated code could not reach them even by mistake. */
const SHADOWED = ['globalThis', 'global', 'self', 'process', 'require', 'module', 'exports', 'Buffer', 'fetch', 'Function', 'WebAssembly', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'Atomics', 'SharedArrayBuffer', 'Worker'];

let last: { text: string; fn: ProgramFunction } | undefined;

/** The function of program `text` (the last one built is kept: a batch sends the same program with every chunk). */
export function buildProgram(text: string): ProgramFunction {
  if (last?.text === text) return last.fn;
  // The text comes from compileProgram, with user strings only as JSON literals.
  const factory = new Function('rt', ...SHADOWED, text) as (rt: typeof RT) => ProgramFunction;
  const fn = factory(RT);
  last = { text, fn };
  return fn;
}

/** What running a program gave: the value, or that it bailed (with why) and jsonata must run the input. */
export type ProgramOutcome = { value: unknown } | { bailed: string };

/**
 * Runs program `text` on `input` with the run's `bindings` (the same jsonata
 * is given); any bail, or any error of the program itself, asks for jsonata.
 * A program reading a parameter that defaults to the time of the run bails
 * when the bindings do not pin it (engine-selection.ts `runBindings`).
 */
export function runProgram(text: string, input: unknown, bindings?: Record<string, unknown>): ProgramOutcome {
  try {
    return { value: buildProgram(text)(input, bindings) };
  } catch (thrown) {
    return { bailed: thrown instanceof Bail ? thrown.reason : `program error: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
}
