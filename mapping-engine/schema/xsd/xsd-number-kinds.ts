/**
 * Which XSD numbers are floating-point. The field model has one `number`
 * type; an XSD field keeps `format` `float`, `double` or `precisionDecimal`
 * for these, whose text may have an exponent, `INF` or `NaN`, while a bare
 * XSD `number` is `xs:decimal` (or restricts it): digits and one point only.
 * Its own file so that output validation (in the runner worker) reads it
 * without loading the XSD parser.
 */

/** Built-in names of the XSD numbers whose text allows an exponent, INF and NaN. */
export const FLOATING_NUMBER: ReadonlySet<string> = new Set(['float', 'double', 'precisionDecimal']);
