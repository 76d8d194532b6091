/**
 * Validates output against the schema model (XSD, OpenAPI, targets inferred
 * from samples): required fields, types, enumerations, repetition and patterns.
 * XML and CSV targets are text, so their scalars are checked by their lexical
 * form (`"12.5"` is a fine number there), JSON targets by the JSON type.
 */
import { shownValue } from './shown-value';
import { impossibleMoment } from './calendar-check';
import { facetProblems } from './validate-facets';
import { FLOATING_NUMBER, xmlScalarText } from '../schema/xsd/xsd-number-kinds';
import type { SchemaField } from '../schema/model';
import { formatFieldPath, type PathStep } from './field-path';
import type { OutputViolation } from './validation-types';

const LEXICAL: Partial<Record<SchemaField['type'] | 'decimal' | 'double', RegExp>> = {
  number: /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/,
  /** `xs:decimal` (and what restricts it): digits and one point, no exponent, INF or NaN. */
  decimal: /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/,
  /** `xs:double`, `xs:float`: an exponent, or INF (signed, as XSD 1.1 allows) or NaN. */
  double: /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/,
  integer: /^\s*[+-]?\d+\s*$/,
  boolean: /^\s*(true|false|1|0)\s*$/,
  date: /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  time: /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isTextual(field: SchemaField): boolean {
  return field.xml !== undefined || field.origin.kind === 'csv-header';
}

/**
 * Which lexical form a text field's value must have: an XSD number is
 * `xs:decimal` unless the schema made it a floating-point one (format
 * `double`, `float`, `precisionDecimal`); other text numbers (CSV) keep the
 * lenient form with an exponent.
 */
function lexicalType(field: SchemaField): keyof typeof LEXICAL {
  if (field.type !== 'number' || field.origin.kind !== 'xsd') return field.type;
  return field.format !== undefined && FLOATING_NUMBER.has(field.format) ? 'double' : 'decimal';
}

/** The type a lexical problem names: `an xs:decimal`, `a number`. */
function lexicalName(field: SchemaField): string {
  const type = lexicalType(field);
  if (type === 'decimal') return 'an xs:decimal';
  if (type === 'double') return `an xs:${field.format ?? 'double'}`;
  return `a ${field.type}`;
}

/** Why `value` does not have the scalar type of `field`, or undefined when it does. */
function typeProblem(value: unknown, field: SchemaField): string | undefined {
  const { type } = field;
  if (type === 'any') return undefined;
  if (value === null) return field.nullable || type === 'null' ? undefined : `null where a ${type} belongs`;
  if (typeof value === 'object') return `an object where a ${type} belongs`;
  if (isTextual(field)) {
    // Judged as the XML writer writes it: a number for a decimal without an exponent.
    const text = xmlScalarText(value as string | number | boolean, field);
    const lexical = LEXICAL[lexicalType(field)];
    if (lexical && !lexical.test(text)) return `${shownValue(value)} is not ${lexicalName(field)}`;
    // The form alone lets 2009-13-45 through.
    if ((type === 'date' || type === 'datetime' || type === 'time') && impossibleMoment(String(value), type)) return `${shownValue(value)} is no real ${type}`;
    return undefined;
  }
  const ok =
    type === 'number' ? typeof value === 'number' :
    type === 'integer' ? Number.isInteger(value) :
    type === 'boolean' ? typeof value === 'boolean' :
    type === 'null' ? false :
    // dates are strings in JSON; their form is the pattern's or format's business
    typeof value === 'string';
  return ok ? undefined : `${shownValue(value)} is not a ${type}`;
}

function compilePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined; // a pattern JavaScript cannot run is not the output's fault
  }
}

class FieldWalker {
  readonly violations: OutputViolation[] = [];
  /** Compiled patterns by source: a pattern is checked on every item of a repeated field, so it is compiled once per walk. */
  private readonly patterns = new Map<string, RegExp | undefined>();

  private patternOf(field: SchemaField): RegExp | undefined {
    if (!field.pattern) return undefined;
    // XSD patterns match the whole value; JSON Schema patterns match anywhere.
    const source = field.origin.kind === 'xsd' ? `^(?:${field.pattern})$` : field.pattern;
    if (!this.patterns.has(source)) this.patterns.set(source, compilePattern(source));
    return this.patterns.get(source);
  }

  private add(steps: PathStep[], code: OutputViolation['code'], message: string): void {
    this.violations.push({ path: formatFieldPath(steps), code, message });
  }

  /** Checks the value of `field` (a member of its parent), including its repetition. */
  field(value: unknown, field: SchemaField, steps: PathStep[]): void {
    if (!field.repeating) {
      if (Array.isArray(value) && field.type !== 'any') this.add(steps, 'MAP_REPEAT', 'an array where one value belongs');
      else this.item(value, field, steps);
      return;
    }
    // An XML writer writes one value the same as a one-item list, so only JSON needs the array.
    if (!Array.isArray(value)) {
      if (field.xml) this.item(value, field, steps);
      else this.add(steps, 'MAP_REPEAT', 'one value where an array belongs');
      return;
    }
    if (field.minOccurs !== undefined && value.length < field.minOccurs) {
      this.add(steps, 'MAP_REPEAT', `${value.length} items where at least ${field.minOccurs} belong`);
    }
    if (field.maxOccurs !== undefined && value.length > field.maxOccurs) {
      this.add(steps, 'MAP_REPEAT', `${value.length} items where at most ${field.maxOccurs} belong`);
    }
    value.forEach((item, index) => this.item(item, field, [...steps, index]));
  }

  /** Checks one (non-repeated) value of `field`. */
  private item(value: unknown, field: SchemaField, steps: PathStep[]): void {
    if (field.type === 'object') {
      this.object(value, field, steps);
      return;
    }
    const problem = typeProblem(value, field);
    if (problem) {
      this.add(steps, 'MAP_TYPE', problem);
      return;
    }
    if (value === null) return;
    if (field.enum && !field.enum.some((allowed) => allowed === value || (isTextual(field) && String(allowed) === String(value)))) {
      this.add(steps, 'MAP_ENUM', `${shownValue(value)} is not one of ${field.enum.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    const pattern = this.patternOf(field);
    if (pattern && !pattern.test(String(value))) this.add(steps, 'MAP_PATTERN', `${shownValue(value)} does not match ${field.pattern}`);
    // The code ajv's maxLength gets for a JSON Schema target, so both targets report a too-long value alike.
    if (field.maxLength !== undefined && typeof value === 'string' && [...value].length > field.maxLength) this.add(steps, 'MAP_SCHEMA', `${shownValue(value)} is longer than ${field.maxLength} characters`);
    if (field.facets) for (const problem of facetProblems(value, field.facets)) this.add(steps, 'MAP_SCHEMA', problem);
  }

  /** An xs:choice: one of its alternatives when it is required, never two different single elements. */
  private choice(value: Record<string, unknown>, field: SchemaField, rule: NonNullable<SchemaField['choiceRule']>, steps: PathStep[]): void {
    const alternatives = (field.children ?? []).filter((child) => child.xml?.kind === 'element').map((child) => child.name);
    const present = alternatives.filter((name) => name in value);
    if (present.length === 0 && rule.min > 0) this.add(steps, 'MAP_REQUIRED_MISSING', `one of ${alternatives.join(', ')} is required`);
    if (rule.singleElements && present.length > 1) this.add([...steps, present[1]!], 'MAP_SCHEMA', `only one of ${present.join(', ')} may be present (a choice)`);
  }

  private object(value: unknown, field: SchemaField, steps: PathStep[]): void {
    if (value === null && field.nullable) return;
    if (!isRecord(value)) {
      // An XML element with simple content and no attributes is its text alone.
      const text = field.children?.find((child) => child.name === '#text');
      if (field.xml?.simpleContent && text && (value === null || typeof value !== 'object')) this.item(value, { ...text, repeating: false }, steps);
      else this.add(steps, 'MAP_TYPE', `${Array.isArray(value) ? 'an array' : shownValue(value)} where an object belongs`);
      return;
    }
    const children = field.children ?? [];
    for (const child of children) {
      if (child.name in value) this.field(value[child.name], child, [...steps, child.name]);
      // The alternatives of a choice are not each required; an attribute beside them still is.
      else if (child.required && !(field.choice && child.xml?.kind !== 'attribute')) this.add([...steps, child.name], 'MAP_REQUIRED_MISSING', 'required field is missing');
    }
    if (field.choiceRule) this.choice(value, field, field.choiceRule, steps);
    if (field.open || field.recursive || field.type === 'any') return;
    const known = new Set(children.map((child) => child.name));
    for (const name of Object.keys(value)) {
      // Namespace declarations are the XML writer's concern, not fields.
      if (!known.has(name) && !name.startsWith('@xmlns')) this.add([...steps, name], 'MAP_SCHEMA', 'field is not in the target schema');
    }
  }
}

/** Validates `value` (a whole output) against the field tree under `root`. */
export function validateFields(value: unknown, root: SchemaField): OutputViolation[] {
  const walker = new FieldWalker();
  walker.field(value, root, []);
  return walker.violations;
}
