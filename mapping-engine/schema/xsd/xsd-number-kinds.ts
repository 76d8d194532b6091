/**
 * Which XSD numbers are floating-point. The field model has one `number`
 * type; an XSD field keeps `format` `float`, `double` or `precisionDecimal`
 * for these, whose text may have an exponent, `INF` or `NaN`, while a bare
 * XSD `number` is `xs:decimal` (or restricts it): digits and one point only.
 * The XML writer and output validation share it, so a number is judged as
 * it is written; its own file, so neither loads the XSD parser.
 */

/** Built-in names of the XSD numbers whose text allows an exponent, INF and NaN. */
export const FLOATING_NUMBER: ReadonlySet<string> = new Set(['float', 'double', 'precisionDecimal']);

/**
 * JavaScript writes a number of 1e21 or more, or below 1e-6, with an
 * exponent (`1e+21`, `1e-7`), which no `xs:decimal` or integer type allows.
 * The same number in positional notation, digit for digit (no rounding):
 * `1000000000000000000000`, `0.0000001`; any other number as `String` writes it.
 */
export function positionalNumberText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', exponentText] = match;
  const digits = `${lead}${rest}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  // Positive exponents appear from 1e21 on, beyond the 17 significant digits a double prints.
  return rest.length <= exponent ? `${sign}${digits}${'0'.repeat(exponent - rest.length)}` : `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Whether `field` is an XSD number written without an exponent: `xs:decimal`, what restricts it, or an integer type. */
export function isPositionalXsdNumber(field: { type: string; format?: string; origin: { kind: string } } | undefined): boolean {
  if (field?.origin.kind !== 'xsd') return false;
  return field.type === 'integer' || (field.type === 'number' && !(field.format !== undefined && FLOATING_NUMBER.has(field.format)));
}

/** The text a scalar is written as in an XML target: a number for a decimal or integer field in positional notation, anything else as `String` writes it. */
export function xmlScalarText(value: string | number | boolean, field: Parameters<typeof isPositionalXsdNumber>[0]): string {
  return typeof value === 'number' && isPositionalXsdNumber(field) ? positionalNumberText(value) : String(value);
}
