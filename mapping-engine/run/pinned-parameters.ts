/**
 * Run parameters fixed into the mapping itself, for hosts that cannot pass
 * evaluation bindings with every job (batch mode cuts the input into slices
 * and chunks that the workers run on their own). Each parameter's default
 * becomes the value the run sets, and a default of "now" becomes the time
 * the run started, so every slice of one run reads the same creation time
 * (evaluated per slice, `$now()` would differ from slice to slice). The
 * generated JSONata binds parameters from their defaults when no binding is
 * given (see compiler/run-parameters.ts), so the pinned mapping needs none.
 */
import { compileDocument } from '../compiler/compile-document';
import { parameterBinding, type Parameter } from '../compiler/run-parameters';
import type { Scalar } from '../transforms/transform-node';
import type { PreparedMapping } from './mapping-run';

/** `p` with `value` as its fixed default, or with "now" replaced by `now` (its type's form); unchanged otherwise. */
function pinned(p: Parameter, value: Scalar | undefined, now: Date): Parameter {
  const { now: isNow, ...rest } = p;
  if (value !== undefined) return { ...rest, default: value };
  if (!isNow) return p;
  const iso = now.toISOString();
  return { ...rest, default: p.type === 'date' ? iso.slice(0, 10) : iso };
}

/**
 * `prepared` with its parameters fixed: the values in `bindings` (as
 * `parameterBindings` gives them, `param_<name>` -> typed value) and the
 * run's start time `now` for those defaulting to it, recompiled. The same
 * object when the document declares no parameters.
 */
export function pinParameters(prepared: PreparedMapping, bindings: Record<string, unknown>, now: Date): PreparedMapping {
  const declared = prepared.document.parameters;
  if (!declared || Object.keys(declared).length === 0) return prepared;
  const parameters: Record<string, Parameter> = {};
  for (const [name, p] of Object.entries(declared)) parameters[name] = pinned(p, bindings[parameterBinding(name)] as Scalar | undefined, now);
  const document = { ...prepared.document, parameters };
  return { ...prepared, document, compiled: compileDocument(document, prepared.tables ? { tables: prepared.tables } : {}) };
}
