/**
 * Where a coded error happened, as the error notice prints it before the
 * message: file:line:column. Many messages already start with the file
 * ("/x/order.json: the studio may not read this file"); printing it again
 * read "/x/order.json: /x/order.json: ...", so it is left out then.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';

/** `file:line:column` of `error` (the parts it has), or undefined when there is none or the message starts with it. */
export function errorWhere(error: Pick<CodedErrorData, 'file' | 'line' | 'column' | 'message'>): string | undefined {
  const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
  if (!where) return undefined;
  return error.message.startsWith(where) ? undefined : where;
}
