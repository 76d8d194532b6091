/**
 * An expected error as one line a person edits (`MAP_REQUIRED_MISSING at
 * lines[].quantity`) and back. Its own module, free of the runner, because the
 * studio's test editors use it: importing it through test-expectations pulled
 * the whole run (CSV writing, ajv) into the renderer's bundle.
 */
import type { ExpectedError } from '../document/document-schema';

const CODE_AT_FIELD = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?: at (\S.*))?$/;

/** An expected error as one line a person edits: `MAP_REQUIRED_MISSING at lines[].quantity`; the older text form as it is. */
export function expectedErrorText(expect: ExpectedError): string {
  if (typeof expect === 'string') return expect;
  return expect.field === undefined ? expect.code : `${expect.code} at ${expect.field}`;
}

/** The expected error a line of {@link expectedErrorText} stands for: `CODE at field` or a bare code is the object form, other text the older text form. */
export function parseExpectedErrorText(text: string): ExpectedError {
  const match = CODE_AT_FIELD.exec(text.trim());
  if (!match) return text.trim();
  return match[2] === undefined ? { code: match[1]! } : { field: match[2].trim(), code: match[1]! };
}
