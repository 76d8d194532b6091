/**
 * What a test case expects of a failing run or of the output's fit to the
 * target schema, and how a result is judged against it. A run error is read
 * as `{ field, code }`: the target field it belongs to (spelled as the
 * error labels it, `lines[].quantity`) and a code — `MAP_REQUIRED_MISSING`
 * when a required field or array has no value, `MAP_INVALID_VALUE` when a
 * transform rejected a value, else the runner's own code. A failing case
 * prints the same shape, so what it prints can be pasted into the document.
 * Pure: shared by `mapwright test`, the studio and the spec export.
 */
import type { ExpectedError, ExpectedViolation, MappingDocument } from '../document/document-schema';
import { splitPath } from '../transforms/jsonata-text';
import type { OutputViolation } from '../validate/validation-types';
import { fieldOfRunError, type PreparedMapping } from './mapping-run';
import { classifyRunError } from './run-errors';
import type { RunErrorData } from './run-types';

/** A run error as a test case can expect it. */
export interface ObservedError {
  /** Target field, `''` when the error belongs to no field (a limit, the whole expression). */
  field: string;
  code: string;
}

/** The `[]` after each array name of `target` in an error label (`lines[].sku`); `target` itself when it has no arrays above it. */
function labelOf(target: string, arrays: ReadonlySet<string>): string {
  let names: string[];
  try {
    names = splitPath(target);
  } catch {
    return target;
  }
  return names.map((name, i) => (i < names.length - 1 && arrays.has(names.slice(0, i + 1).join('\u0000')) ? `${name}[]` : name)).join('.');
}

/** Labels the compiler's helpers start their messages with: every rule target and every array context. */
function fieldLabels(doc: MappingDocument): string[] {
  const arrays = new Set(
    doc.arrays.flatMap((a) => {
      if (a.target === '.') return [];
      try {
        return [splitPath(a.target).join('\u0000')];
      } catch {
        return [];
      }
    }),
  );
  const targets = [...doc.rules.map((r) => r.target), ...doc.arrays.filter((a) => a.target !== '.').map((a) => a.target)];
  // Longest first, so `lines[].quantity` wins over `lines`.
  return targets.map((t) => labelOf(t, arrays)).sort((a, b) => b.length - a.length);
}

/**
 * The `{ field, code }` of a run error. The required and invalid-value
 * helpers raise `$error` outside every field's span, with a message that
 * starts with the field's label (`lines[].quantity is required (...)`,
 * `orderDate: date does not match iso, value shaped ...`): those are read
 * by the label, which must be a field of the document; anything else is
 * placed by the source map.
 */
export function observeRunError(error: RunErrorData, prepared: Pick<PreparedMapping, 'compiled' | 'document'>): ObservedError {
  if (error.jsonataCode === 'D3137') {
    for (const label of fieldLabels(prepared.document)) {
      if (!error.message.startsWith(label)) continue;
      const rest = error.message.slice(label.length);
      if (/^ is required( \(|$)/.test(rest)) return { field: label, code: 'MAP_REQUIRED_MISSING' };
      // A reject rule's message has the same shape; its own code was read from the message (run-errors.ts).
      if (/^: .*, value (shaped|of \d+ characters)/.test(rest)) return { field: label, code: error.code === 'RECORD_REJECTED' ? error.code : 'MAP_INVALID_VALUE' };
    }
  }
  return { field: fieldOfRunError(error, prepared), code: error.code };
}

/** A field path without array marks or indexes, for comparing `lines[2].sku`, `lines[].sku` and `lines.sku`. */
function plainPath(path: string): string {
  return path.replace(/\[\d*\]/g, '');
}

export { expectedErrorText, parseExpectedErrorText } from './expected-error-text';

/** How a test case's expected error reads in messages: the JSON a user can paste into `expectError`. */
export function showExpectedError(expect: ExpectedError): string {
  return JSON.stringify(expect);
}

/**
 * Whether `observed` (with the runner's error, for the older text form) is
 * what `expect` asks for. The object form matches the code and, when given,
 * the field; the older text form (documents written before the object form)
 * matches either code or any part of the message, as it always did.
 */
export function matchesExpectedError(expect: ExpectedError, observed: ObservedError, error: Pick<RunErrorData, 'code' | 'message'>): boolean {
  if (typeof expect === 'string') return observed.code === expect || error.code === expect || error.message.includes(expect);
  if (expect.code !== observed.code) return false;
  return expect.field === undefined || plainPath(expect.field) === plainPath(observed.field);
}

/** The `{ field, code }` of each violation, as `expectViolation` spells them. */
export function observedViolations(violations: readonly OutputViolation[]): ExpectedViolation[] {
  return violations.map((v) => ({ field: v.path, code: v.code }));
}

const violationKey = (v: ExpectedViolation): string => `${v.code} ${plainPath(v.field)}`;

/**
 * The violations that differ from what the case expects: `unexpected` ones
 * the output has and `missing` ones it was expected to have. Both empty:
 * the output breaks the target schema exactly as the case says.
 */
export function compareViolations(expected: readonly ExpectedViolation[], observed: readonly ExpectedViolation[]): { unexpected: ExpectedViolation[]; missing: ExpectedViolation[] } {
  const want = new Set(expected.map(violationKey));
  const have = new Set(observed.map(violationKey));
  return { unexpected: observed.filter((v) => !want.has(violationKey(v))), missing: expected.filter((v) => !have.has(violationKey(v))) };
}

/**
 * Whether an error jsonata threw while evaluating `prepared`'s expression
 * elsewhere (the plain jsonata package on an exported expression) is the one
 * `expect` asks for: read the way the runner reads it.
 */
export function thrownMatchesExpectedError(expect: ExpectedError, thrown: unknown, prepared: Pick<PreparedMapping, 'compiled' | 'document'>): boolean {
  const error = classifyRunError(thrown, prepared.compiled.expression);
  return matchesExpectedError(expect, observeRunError(error, prepared), error);
}
