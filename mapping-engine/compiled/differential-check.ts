/**
 * Compares the compiled engine with jsonata on one input, as the runner
 * worker would run them: both see the input as parsed from its JSON text;
 * the engine's outcome is the program's value, or jsonata's when the program
 * bails. Any difference in output or error code is reported.
 */
import jsonata from 'jsonata';
import { classifyRunError } from '../run/run-errors';
import { runProgram } from './run-program';

/** What one engine gave: the output as JSON text, or the error's code and jsonata code. */
type Outcome = { json: string | undefined } | { error: string };

/** The comparison of the two engines on one input. */
export interface EngineComparison {
  /** Whether the program bailed and jsonata ran. */
  fellBack: boolean;
  /** Why it bailed. */
  reason?: string;
  /** A difference between the engines, in words; absent when they agree. */
  difference?: string;
  /** Whether jsonata's outcome is an error (a compiled program leaves every error to jsonata). */
  failed: boolean;
}

async function viaJsonata(expression: string, input: unknown, bindings?: Record<string, unknown>): Promise<Outcome> {
  try {
    return { json: JSON.stringify(await jsonata(expression).evaluate(input, bindings)) };
  } catch (thrown) {
    const error = classifyRunError(thrown, expression);
    return { error: `${error.code} ${error.jsonataCode ?? ''}` };
  }
}

/** Runs `program` (with jsonata as its fallback) and plain jsonata on `input` with the run's `bindings`, and compares them. */
export async function compareEngines(expression: string, program: string, input: unknown, bindings?: Record<string, unknown>): Promise<EngineComparison> {
  const text = JSON.stringify(input);
  const parsed = (): unknown => (text === undefined ? undefined : JSON.parse(text));
  const expected = await viaJsonata(expression, parsed(), bindings);
  const failed = 'error' in expected;
  const compiled = runProgram(program, parsed(), bindings);
  if ('bailed' in compiled) {
    const fallback = await viaJsonata(expression, parsed(), bindings);
    return { fellBack: true, failed, reason: compiled.bailed, ...(JSON.stringify(fallback) === JSON.stringify(expected) ? {} : { difference: 'jsonata is not deterministic here' }) };
  }
  const actual: Outcome = { json: JSON.stringify(compiled.value) };
  if (JSON.stringify(actual) === JSON.stringify(expected)) return { fellBack: false, failed };
  const cut = (t: string | undefined): string => (t === undefined ? 'undefined' : t.length > 400 ? `${t.slice(0, 400)}...` : t);
  return { fellBack: false, failed, difference: `input ${cut(text)}\n compiled: ${cut(JSON.stringify(actual))}\n jsonata:  ${cut(JSON.stringify(expected))}` };
}
