/**
 * The one way the XML reader reports a well-formedness problem: an
 * `XML_PARSE` error positioned at an offset of the decoded text.
 */
import { MapwrightError, lineColumnAt } from '../errors';

/** Raises errors against one decoded document. */
export type XmlFail = (offset: number, message: string, expected: string) => never;

/** A {@link XmlFail} for `text`, naming `file`. */
export function xmlFailer(text: string, file: string | undefined): XmlFail {
  return (offset, message, expected) => {
    const { line, column } = lineColumnAt(text, offset);
    throw new MapwrightError('XML_PARSE', message, { file, line, column, expected });
  };
}
