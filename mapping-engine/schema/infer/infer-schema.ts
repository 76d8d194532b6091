/**
 * Schema inference from sample payloads: every sample (and every element of
 * every array) is folded into one evidence tree, which then becomes one
 * schema. See docs/schemas-inference.md for the rules.
 */
import type { SchemaDocument } from '../model';
import { newStats, observe, type SampleContext } from './field-stats';
import {
  DEFAULT_ENUM_MAX_DISTINCT,
  DEFAULT_ENUM_MIN_SAMPLES,
  ENUM_MAX_VALUE_LENGTH,
  type InferOptions,
  type InferSample,
} from './infer-options';
import { statsToField } from './stats-to-field';

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** Root element name when every sample is an XML document (`{ Invoice: {...} }`). */
function xmlTitle(samples: InferSample[]): string | undefined {
  let title: string | undefined;
  for (const sample of samples) {
    const value = sample.value;
    if (sample.format !== 'xml' || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const names = Object.keys(value);
    if (names.length !== 1 || (title !== undefined && title !== names[0])) return undefined;
    title = names[0];
  }
  return title;
}

/**
 * Infers one schema from one or more samples. Several samples are merged:
 * a member missing from some is optional, an array anywhere makes a field
 * repeating, types widen (integer + number = number, other mixes = string).
 * @throws MapwrightError `LIMIT_EXCEEDED` for values nested beyond any real document.
 */
export function inferSchema(samples: InferSample[], options: InferOptions = {}): SchemaDocument {
  const enumMaxDistinct = nonNegative(options.enumMaxDistinct, DEFAULT_ENUM_MAX_DISTINCT);
  const enumMinSamples = nonNegative(options.enumMinSamples, DEFAULT_ENUM_MIN_SAMPLES);
  const root = newStats('', []);
  for (const sample of samples) {
    const xml = sample.format === 'xml';
    const ctx: SampleContext = { text: xml || sample.format === 'csv', xml, enumMaxDistinct, enumMaxLength: ENUM_MAX_VALUE_LENGTH };
    if (sample.file !== undefined) ctx.file = sample.file;
    if (sample.xmlNamespaces) ctx.namespaces = sample.xmlNamespaces;
    root.present++;
    observe(root, sample.value, ctx);
  }
  const file = samples[0]?.file;
  const origin = { kind: options.origin ?? 'sample', ...(file !== undefined ? { file } : {}) };
  const field = statsToField(root, { origin, enumMaxDistinct, enumMinSamples }, samples.length);
  const schema: SchemaDocument = { root: field };
  const title = xmlTitle(samples);
  if (title !== undefined) schema.title = title;
  return schema;
}
