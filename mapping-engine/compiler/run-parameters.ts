/**
 * Run parameters: values a document declares (`parameters`: name, type,
 * default) that rules read as the source `$param.<name>` (a message id, the
 * creation time of a file). A run sets them (`mapwright run --param
 * name=value`), and so does a test case (`params`), so a test can pin a
 * timestamp whose default is the current time. In the generated JSONata each
 * is bound once at the top from the evaluation's bindings
 * (`$param_<name>`), falling back to its default, so the exported
 * expression takes them the same way in plain jsonata:
 * `jsonata(text).evaluate(input, { param_MsgId: "M-1" })`.
 */
import { z } from 'zod';
import { MapwrightError } from '../errors';
import { literal } from '../transforms/jsonata-text';
import { scalarSchema, type Scalar } from '../transforms/transform-node';

/** A parameter name: letters, digits and `_`, so it is a JSONata variable name as it is. */
export const parameterNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a parameter name is letters, digits and _');

/** One declared parameter. */
export const parameterSchema = z.strictObject({
  type: z.enum(['string', 'number', 'boolean', 'date', 'datetime']).default('string'),
  /** The value when a run sets none. */
  default: scalarSchema.optional(),
  /** The default is the time of the run (`datetime`: ISO 8601 in UTC; `date`: yyyy-MM-dd), not a fixed value. */
  now: z.boolean().optional(),
  description: z.string().max(2000).optional(),
});

/** A declared parameter (defaults applied). */
export type Parameter = z.infer<typeof parameterSchema>;

/** The source path that reads parameter `name`. */
export const PARAM_SOURCE = /^\$param\.([A-Za-z][A-Za-z0-9_]*)$/;

/** The binding (without `$`) that carries parameter `name` into an evaluation. */
export function parameterBinding(name: string): string {
  return `param_${name}`;
}

/** The `$param_<name> := ...;` line binding each parameter at the top of the expression, its default when the run sets none. */
export function parameterLines(parameters: Record<string, Parameter>): string[] {
  return Object.entries(parameters).map(([name, p]) => {
    const variable = `$${parameterBinding(name)}`;
    const fallback = p.now ? (p.type === 'date' ? '$substring($now(), 0, 10)' : '$now()') : p.default === undefined ? '()' : literal(p.default);
    return `${variable} := $exists(${variable}) ? ${variable} : ${fallback};`;
  });
}

/** `value` (text from a command line, or a test case's value) as parameter `name` of type `p.type` wants it. */
function typed(name: string, p: Parameter, value: Scalar): Scalar {
  if (p.type === 'number') {
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (String(value).trim() === '' || !Number.isFinite(n)) throw new MapwrightError('USAGE', `parameter ${name} is a number, not "${String(value)}"`, { expected: `${name}=<number>` });
    return n;
  }
  if (p.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new MapwrightError('USAGE', `parameter ${name} is true or false, not "${String(value)}"`, { expected: `${name}=true or ${name}=false` });
  }
  const text = String(value);
  if (p.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new MapwrightError('USAGE', `parameter ${name} is a date (yyyy-MM-dd), not "${text}"`, { expected: `${name}=2024-07-01` });
  if (p.type === 'datetime' && Number.isNaN(Date.parse(text))) throw new MapwrightError('USAGE', `parameter ${name} is an ISO 8601 date and time, not "${text}"`, { expected: `${name}=2024-07-01T09:30:00Z` });
  return text;
}

/**
 * The evaluation bindings setting `values` on a document declaring `parameters`.
 * @throws MapwrightError `USAGE` for a name the document does not declare or a value not of its type
 */
export function parameterBindings(parameters: Record<string, Parameter>, values: Record<string, Scalar>): Record<string, Scalar> {
  const bindings: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(values)) {
    const p = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
    if (!p) {
      const known = Object.keys(parameters);
      throw new MapwrightError('USAGE', `the document declares no parameter ${name}`, { expected: known.length ? `one of ${known.join(', ')}` : 'no --param: the document declares no parameters' });
    }
    bindings[parameterBinding(name)] = typed(name, p, value);
  }
  return bindings;
}

/** `name=value` pairs from the command line as values (text; typed by {@link parameterBindings}). */
export function parseParamOptions(pairs: readonly string[]): Record<string, Scalar> {
  const values: Record<string, Scalar> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new MapwrightError('USAGE', `--param takes name=value, not "${pair}"`, { expected: '--param name=value' });
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return values;
}
