/**
 * The parameter form of one transform: the text a user types per parameter,
 * turned into a transform node, with a message per parameter that does not
 * hold. Pure, so the form validates on every keystroke and is tested in Node.
 */
import type { TransformInput } from '../../../mapping-engine/document/edits/edit-types';
import type { ParamField } from '../../../mapping-engine/document/edits/transform-palette';
import type { TransformKindInfo } from './transform-catalog';

/** What the form holds: text per parameter (checkboxes as booleans); a condition as `<name>.field`, `.op`, `.value`. */
export type FormValues = Record<string, string | boolean>;

/** Messages by parameter name (`''` for the transform as a whole). */
export type FormProblems = Record<string, string>;

/** A scalar as typed: numbers, true, false and null as themselves, anything else as text; `"42"` in quotes stays text. */
export function parseScalar(text: string): string | number | boolean | null {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^".*"$/.test(trimmed)) return trimmed.slice(1, -1);
  return text;
}

/** A scalar as the form shows it (text that would read back as another type is quoted). */
export function showScalar(value: unknown): string {
  if (typeof value === 'string') return typeof parseScalar(value) === 'string' ? value : `"${value}"`;
  return value === undefined ? '' : String(value);
}

/** `key = value` lines of a map. */
export function showEntries(entries: Record<string, unknown>): string {
  return Object.entries(entries)
    .map(([k, v]) => `${k} = ${showScalar(v)}`)
    .join('\n');
}

/** Reads `key = value` lines; a line without `=` is a problem. */
export function parseEntries(text: string): { entries: Record<string, string | number | boolean | null>; problem?: string } {
  const entries: Record<string, string | number | boolean | null> = {};
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at < 0) return { entries, problem: `line ${i + 1}: write key = value` };
    const key = line.slice(0, at).trim();
    if (!key) return { entries, problem: `line ${i + 1}: the key is empty` };
    entries[key] = parseScalar(line.slice(at + 1).trim());
  }
  return { entries };
}

/** The form's first values: the node's own, or empty (defaults show as placeholders). */
export function formFromNode(info: TransformKindInfo, node?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const param of info.params) {
    const value = node?.[param.name];
    switch (param.type) {
      case 'boolean':
        values[param.name] = typeof value === 'boolean' ? value : param.default === true;
        break;
      case 'predicate': {
        const when = (value ?? {}) as { field?: string; op?: string; value?: unknown };
        values[`${param.name}.field`] = when.field ?? '';
        values[`${param.name}.op`] = when.op ?? param.options?.[0] ?? '=';
        values[`${param.name}.value`] = Array.isArray(when.value) ? when.value.map(showScalar).join(', ') : showScalar(when.value);
        break;
      }
      case 'entries':
        values[param.name] = value && typeof value === 'object' ? showEntries(value as Record<string, unknown>) : '';
        break;
      case 'stringList':
        values[param.name] = Array.isArray(value) ? value.join(', ') : '';
        break;
      case 'scalar':
        values[param.name] = showScalar(value);
        break;
      case 'json':
        values[param.name] = value === undefined ? '' : JSON.stringify(value);
        break;
      default:
        values[param.name] = value === undefined ? '' : String(value);
    }
  }
  return values;
}

function readParam(param: ParamField, values: FormValues, problems: FormProblems): unknown {
  const raw = values[param.name];
  const text = typeof raw === 'string' ? raw : '';
  switch (param.type) {
    case 'boolean':
      // Unchecked and without a default: left out.
      return raw === true ? true : param.default === undefined && !param.required ? undefined : false;
    case 'number':
    case 'integer': {
      if (!text.trim()) return undefined;
      const n = Number(text.trim());
      if (!Number.isFinite(n)) problems[param.name] = 'a number';
      else if (param.type === 'integer' && !Number.isInteger(n)) problems[param.name] = 'a whole number';
      return n;
    }
    case 'json': {
      if (!text.trim()) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        problems[param.name] = 'JSON';
        return undefined;
      }
    }
    case 'scalar':
      return text === '' ? undefined : parseScalar(text);
    case 'entries': {
      const parsed = parseEntries(text);
      if (parsed.problem) problems[param.name] = parsed.problem;
      return parsed.entries;
    }
    case 'stringList':
      return text.trim() ? text.split(',').map((s) => s.trim()) : undefined;
    case 'predicate': {
      const field = String(values[`${param.name}.field`] ?? '').trim();
      const op = String(values[`${param.name}.op`] ?? '=');
      const valueText = String(values[`${param.name}.value`] ?? '');
      const when: Record<string, unknown> = { op };
      if (field) when.field = field;
      if (op === 'in') when.value = valueText.split(',').map((s) => parseScalar(s.trim()));
      else if (op !== 'exists' && op !== 'empty' && valueText !== '') when.value = parseScalar(valueText);
      return when;
    }
    default:
      // An optional text or choice left empty is omitted (its default applies).
      return text === '' && !param.required ? undefined : text;
  }
}

/** The transform node the form describes, and what is wrong with it (empty when it can be added). */
export function nodeFromForm(
  info: TransformKindInfo,
  values: FormValues,
  validate: (kind: string, params: Record<string, unknown>) => Record<string, string>,
): { node: TransformInput; problems: FormProblems } {
  const problems: FormProblems = {};
  const params: Record<string, unknown> = {};
  for (const param of info.params) {
    const value = readParam(param, values, problems);
    if (value !== undefined) params[param.name] = value;
  }
  if (Object.keys(problems).length === 0) Object.assign(problems, validate(info.kind, params));
  return { node: { kind: info.kind, ...params } as TransformInput, problems };
}
