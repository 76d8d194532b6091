/**
 * How an edit is refused. Edits throw a coded `EDIT_INVALID` error internally
 * (so each check is one line); `applyEdit` turns it into an `EditResult`.
 */
import type { z } from 'zod';
import { MapwrightError } from '../../errors';

/** Throws `EDIT_INVALID`; `expected` names the place or rule that failed (shown by the UI next to the control). */
export function refuse(message: string, expected?: string): never {
  throw new MapwrightError('EDIT_INVALID', message, expected === undefined ? {} : { expected });
}

/** One line for a zod error: the first issue's path and message. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Parses `value` with `schema` or refuses naming `what` (such as "rule address.city"). */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) refuse(`${what}: ${issueText(result.error)}`, what);
  return result.data;
}

/** Refuses unless `index` is a whole number in [0, max]. */
export function checkIndex(index: number, max: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index > max) refuse(`${what} ${index} is out of range (0 to ${max})`, `${what} from 0 to ${max}`);
}
