/**
 * JSONata's built-in functions as the editor offers them: name, signature
 * and a one-line description (written for Mapwright's users), for
 * completion, signature details and hover.
 */

/** One built-in function. */
export interface JsonataFunction {
  /** Without the `$`. */
  name: string;
  /** Parameters as written in the call, `?` marking optional ones. */
  params: string;
  returns: string;
  doc: string;
}

/** `$name(params) → returns`. */
export function signatureOf(f: JsonataFunction): string {
  return `$${f.name}(${f.params}) → ${f.returns}`;
}

const f = (name: string, params: string, returns: string, doc: string): JsonataFunction => ({ name, params, returns, doc });

/** The built-ins, grouped as JSONata's documentation groups them. */
export const JSONATA_FUNCTIONS: readonly JsonataFunction[] = [
  // Strings
  f('string', 'arg, prettify?', 'string', 'The value as text; objects and arrays become JSON.'),
  f('length', 'str', 'number', 'Number of characters in the text.'),
  f('substring', 'str, start, length?', 'string', 'Part of the text from position start (0-based; negative counts from the end).'),
  f('substringBefore', 'str, chars', 'string', 'The text before the first occurrence of chars.'),
  f('substringAfter', 'str, chars', 'string', 'The text after the first occurrence of chars.'),
  f('uppercase', 'str', 'string', 'The text in upper case.'),
  f('lowercase', 'str', 'string', 'The text in lower case.'),
  f('trim', 'str', 'string', 'The text without leading and trailing white space; inner runs become one space.'),
  f('pad', 'str, width, char?', 'string', 'The text padded to width (negative width pads on the left).'),
  f('contains', 'str, pattern', 'boolean', 'Whether the text contains pattern (a text or a regular expression).'),
  f('split', 'str, separator, limit?', 'array', 'The parts of the text between separators.'),
  f('join', 'array, separator?', 'string', 'The texts of the array joined with separator.'),
  f('match', 'str, pattern, limit?', 'array', 'The matches of a regular expression, with their groups and positions.'),
  f('replace', 'str, pattern, replacement, limit?', 'string', 'The text with pattern replaced (a text, or a function of the match).'),
  f('eval', 'expr, context?', 'any', 'Evaluates JSONata text.'),
  f('base64encode', 'str', 'string', 'The text encoded as Base64.'),
  f('base64decode', 'str', 'string', 'Base64 decoded to text.'),
  f('encodeUrlComponent', 'str', 'string', 'The text escaped for a URL component.'),
  f('encodeUrl', 'str', 'string', 'The text escaped for a whole URL.'),
  f('decodeUrlComponent', 'str', 'string', 'A URL component unescaped.'),
  f('decodeUrl', 'str', 'string', 'A URL unescaped.'),
  // Numbers
  f('number', 'arg', 'number', 'The value as a number (text such as "12.5" or "0x1F").'),
  f('abs', 'number', 'number', 'The absolute value.'),
  f('floor', 'number', 'number', 'Rounded down to a whole number.'),
  f('ceil', 'number', 'number', 'Rounded up to a whole number.'),
  f('round', 'number, precision?', 'number', 'Rounded half to even at precision decimal places.'),
  f('power', 'base, exponent', 'number', 'base to the power of exponent.'),
  f('sqrt', 'number', 'number', 'The square root.'),
  f('random', '', 'number', 'A random number from 0 (inclusive) to 1.'),
  f('formatNumber', 'number, picture, options?', 'string', 'The number as text by an XPath picture such as "#,##0.00".'),
  f('formatBase', 'number, radix?', 'string', 'The number as text in another base (2 to 36).'),
  f('formatInteger', 'number, picture', 'string', 'A whole number as text by a picture (words, roman numerals, digits).'),
  f('parseInteger', 'str, picture', 'number', 'Text read as a whole number by a picture.'),
  // Aggregation
  f('sum', 'array', 'number', 'The sum of the numbers.'),
  f('max', 'array', 'number', 'The largest number.'),
  f('min', 'array', 'number', 'The smallest number.'),
  f('average', 'array', 'number', 'The mean of the numbers.'),
  // Booleans
  f('boolean', 'arg', 'boolean', 'The value as true or false (empty text, 0, null and empty arrays are false).'),
  f('not', 'arg', 'boolean', 'The opposite of the value as a boolean.'),
  f('exists', 'arg', 'boolean', 'Whether the expression gives a value at all.'),
  // Arrays
  f('count', 'array', 'number', 'The number of items.'),
  f('append', 'array1, array2', 'array', 'The items of both arrays.'),
  f('sort', 'array, function?', 'array', 'The items sorted (by a comparison function when given).'),
  f('reverse', 'array', 'array', 'The items in reverse order.'),
  f('shuffle', 'array', 'array', 'The items in random order.'),
  f('distinct', 'array', 'array', 'The items without duplicates.'),
  f('zip', 'array1, array2, ...', 'array', 'Arrays of the items at the same positions.'),
  // Objects
  f('keys', 'object', 'array', 'The names of the fields.'),
  f('lookup', 'object, key', 'any', 'The value of the field named key.'),
  f('spread', 'object', 'array', 'One single-field object per field.'),
  f('merge', 'array', 'object', 'The fields of all objects in one object.'),
  f('sift', 'object, function', 'object', 'The fields for which function(value, key) is true.'),
  f('each', 'object, function', 'array', 'function(value, key) applied to every field.'),
  f('error', 'message', 'never', 'Stops the mapping with an error message.'),
  f('assert', 'condition, message', 'undefined', 'Stops with message when the condition is false.'),
  f('type', 'value', 'string', 'The value\'s type: "string", "number", "boolean", "null", "array", "object" or "function".'),
  // Dates and times
  f('now', 'picture?, timezone?', 'string', 'The current time as ISO 8601 text (the same for the whole evaluation).'),
  f('millis', '', 'number', 'The current time in milliseconds since 1970.'),
  f('fromMillis', 'number, picture?, timezone?', 'string', 'Milliseconds since 1970 as date text (ISO 8601 or a picture such as "[D01].[M01].[Y0001]").'),
  f('toMillis', 'timestamp, picture?', 'number', 'Date text (ISO 8601 or read by a picture) as milliseconds since 1970.'),
  // Higher-order
  f('map', 'array, function', 'array', 'function(value, index, array) applied to every item.'),
  f('filter', 'array, function', 'array', 'The items for which function(value, index, array) is true.'),
  f('single', 'array, function?', 'any', 'The one item that matches; an error when none or several do.'),
  f('reduce', 'array, function, init?', 'any', 'The items combined by function(accumulator, value).'),
];

const BY_NAME = new Map(JSONATA_FUNCTIONS.map((fn) => [fn.name, fn]));

/** The built-in named `name` (without `$`). */
export function jsonataFunction(name: string): JsonataFunction | undefined {
  return BY_NAME.get(name);
}
