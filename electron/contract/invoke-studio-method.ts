/**
 * The one place where an untrusted call (IPC arguments, an HTTP body) meets
 * the backend: the method name is checked against the contract, the arguments
 * are validated with the method's zod schema, and whatever comes back, value
 * or exception, leaves as a {@link StudioResult}. Both transports use it, so
 * they validate identically.
 */
import { toCodedError, type CodedErrorData } from '../../mapping-engine/errors';
import { isStudioMethod, studioContract, type StudioApi, type StudioResult } from './studio-api';

/** A failed {@link StudioResult}. */
export function failure(error: CodedErrorData): { ok: false; error: CodedErrorData } {
  return { ok: false, error };
}

/** Describes zod issues as `path: message; ...` for the `expected` field. */
function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `argument ${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Validates and performs one studio call.
 * @param api the backend (its methods may throw; the error is coded here)
 * @param method an untrusted method name
 * @param rawArgs untrusted positional arguments (must be an array)
 */
export async function invokeStudioMethod(api: StudioApi, method: string, rawArgs: unknown): Promise<StudioResult<unknown>> {
  if (!isStudioMethod(method)) {
    return failure({ code: 'NOT_FOUND', message: `unknown studio method "${method}"`, expected: 'a method of the StudioApi contract' });
  }
  const contract = studioContract[method];
  const parsed = contract.args.safeParse(rawArgs);
  if (!parsed.success) {
    return failure({
      code: 'USAGE',
      message: `invalid arguments for ${method}`,
      expected: describeIssues(parsed.error.issues),
    });
  }
  let result: StudioResult<unknown>;
  try {
    // The schema has just proven the tuple's shape, so this spread is sound.
    const call = api[method] as (...args: unknown[]) => Promise<StudioResult<unknown>>;
    result = await call(...(parsed.data as unknown[]));
  } catch (error) {
    return failure(toCodedError(error));
  }
  if (result.ok) {
    // A backend bug must not hand the renderer data the contract does not promise.
    const checked = contract.result.safeParse(result.value);
    if (!checked.success) {
      return failure({ code: 'INTERNAL', message: `${method} returned data that breaks the contract`, expected: describeIssues(checked.error.issues) });
    }
  }
  return result;
}
