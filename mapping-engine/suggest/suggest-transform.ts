/**
 * The transform a suggestion proposes when the source's values do not fit
 * the target as they are: a date reformat, a number parse, yes/no words read
 * as a boolean, a case change or a value map onto the target's enumeration.
 */
import type { EnumValue, SchemaField } from '../schema/model';
import type { TransformNode } from '../transforms/transform-node';
import type { CatalogField } from './field-catalog';
import { describeShape, valueShape, type ValueShape } from './value-shapes';

/** What fitting a source to a target takes. */
export interface TypeFit {
  transforms: TransformNode[];
  /** Reason words (empty when types simply agree). */
  reason: string;
  /** Added to the confidence: positive when the values confirm the match, negative when they contradict it. */
  adjust: number;
}

const NUMERIC = new Set(['number', 'integer']);
const DATES = new Set(['date', 'datetime']);

function distinctText(values: readonly EnumValue[]): string[] {
  return [...new Set(values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String))];
}

/** A value map from source codes onto the target enum: equal ignoring case, or one a prefix of the other. */
function enumMap(values: readonly string[], targetEnum: readonly EnumValue[]): Record<string, string> | undefined {
  const choices = targetEnum.filter((e): e is string => typeof e === 'string');
  const entries: Record<string, string> = {};
  let found = 0;
  for (const v of values) {
    const lower = v.toLowerCase();
    const hit = choices.find((e) => e.toLowerCase() === lower) ?? choices.find((e) => e.toLowerCase().startsWith(lower) || lower.startsWith(e.toLowerCase()));
    if (hit !== undefined) {
      entries[v] = hit;
      found++;
    }
  }
  return found > 0 && found * 2 >= values.length ? entries : undefined;
}

function fitEnum(target: SchemaField, values: readonly string[]): TypeFit | undefined {
  const targetEnum = target.enum!;
  const allowed = new Set(targetEnum.map(String));
  if (values.length === 0) return undefined;
  if (values.every((v) => allowed.has(v))) return { transforms: [], reason: 'values fit the target enum', adjust: 0.05 };
  if (values.every((v) => allowed.has(v.toUpperCase()))) return { transforms: [{ kind: 'case', mode: 'upper' }], reason: 'values fit the target enum in upper case', adjust: 0.05 };
  if (values.every((v) => allowed.has(v.toLowerCase()))) return { transforms: [{ kind: 'case', mode: 'lower' }], reason: 'values fit the target enum in lower case', adjust: 0.05 };
  const entries = enumMap(values, targetEnum);
  if (!entries) return { transforms: [], reason: 'values are not in the target enum', adjust: -0.15 };
  const shown = Object.entries(entries).slice(0, 3).map(([k, v]) => `${k} → ${v}`).join(', ');
  return { transforms: [{ kind: 'valueMap', entries, onUnknown: 'default' }], reason: `value map from the target enum (${shown})`, adjust: 0 };
}

function fitDate(target: SchemaField, shape: ValueShape): TypeFit | undefined {
  const to = target.type === 'date' ? 'yyyy-MM-dd' : 'iso';
  if (shape.kind === 'date') {
    if (shape.pattern === to) return { transforms: [], reason: `values look like ISO dates, target is a ${target.type}`, adjust: 0.05 };
    return { transforms: [{ kind: 'date', from: shape.pattern, to, pivotYear: 50, onInvalid: 'error' }], reason: `values look like ${describeShape(shape)}, target is a ${target.type}`, adjust: 0.05 };
  }
  if (shape.kind === 'datetime') {
    if (target.type === 'datetime') return { transforms: [], reason: 'values look like ISO date-times, target is a date-time', adjust: 0.05 };
    return { transforms: [{ kind: 'date', from: 'iso', to, pivotYear: 50, onInvalid: 'error' }], reason: `values look like ISO date-times, target is a ${target.type}`, adjust: 0.05 };
  }
  return undefined;
}

/**
 * How `source` fits `target`, from their types and the source's sample
 * values; undefined when it cannot (an object onto a scalar, a list onto a
 * single value).
 */
export function fitTypes(target: SchemaField, source: CatalogField): TypeFit | undefined {
  if (source.field.repeating && !target.repeating) return undefined;
  if (!source.field.repeating && target.repeating) return { transforms: [], reason: 'a single value into a list', adjust: -0.1 };
  if (source.field.type === 'object' && (source.field.children?.length ?? 0) > 0) return undefined;
  const shape = valueShape(source.values);
  const values = distinctText(source.values);
  if (target.enum && target.enum.length > 0) {
    const fit = fitEnum(target, values);
    if (fit) return fit;
  }
  if (DATES.has(target.type)) {
    const fit = fitDate(target, shape);
    if (fit) return fit;
    if (DATES.has(source.field.type)) return { transforms: [], reason: `both are ${target.type === source.field.type ? `${target.type}s` : 'dates'}`, adjust: 0.05 };
    return { transforms: [], reason: '', adjust: source.values.length > 0 ? -0.1 : 0 };
  }
  if (NUMERIC.has(target.type)) {
    if (NUMERIC.has(source.field.type)) return { transforms: [], reason: '', adjust: 0.03 };
    if (shape.kind === 'numberText' || (source.field.type === 'string' && source.values.length === 0)) {
      const decimalSeparator = shape.kind === 'numberText' ? shape.decimalSeparator : '.';
      const thousandsSeparator = decimalSeparator === ',' ? '.' : '';
      return { transforms: [{ kind: 'parseNumber', decimalSeparator, thousandsSeparator, onInvalid: 'error' }], reason: `${shape.kind === 'numberText' ? `values are ${describeShape(shape)}` : 'source is text'}, target is a number`, adjust: 0 };
    }
    return { transforms: [], reason: '', adjust: source.values.length > 0 ? -0.15 : 0 };
  }
  if (target.type === 'boolean') {
    if (source.field.type === 'boolean') return { transforms: [], reason: '', adjust: 0.03 };
    if (shape.kind === 'booleanText') return { transforms: [{ kind: 'parseBoolean', trueValues: ['true', 'yes', 'y', '1', 'ja', 'j'], falseValues: ['false', 'no', 'n', '0', 'nein'], onInvalid: 'error' }], reason: 'values are yes/no words, target is a boolean', adjust: 0 };
    return { transforms: [], reason: '', adjust: -0.1 };
  }
  return { transforms: [], reason: '', adjust: 0 };
}
