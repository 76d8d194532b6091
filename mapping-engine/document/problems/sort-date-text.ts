/**
 * Sorting date-like text as text: `dd.MM.yyyy` (or `MM/dd/yyyy`, `d.M.yy`)
 * sorts by day, not by date, so `05.08.2024` comes before `28.07.2024`. A
 * sort key (an array context's `sort`, or a `sort` transform with a field)
 * whose source's sample values look like such dates, or whose source schema
 * says so in its format, and that no `date` transform reads first, is a
 * warning (`MAP_SORT_TEXT_DATE`) at the array or rule that sorts. ISO text
 * (`2024-07-28`) sorts as dates do and is not reported. Pure: the caller
 * says what it knows of a source field (sample values, schema format).
 */
import type { MappingDocument } from '../document-schema';
import type { TransformNode } from '../../transforms/transform-node';
import { absoluteSource, pathNames, type Problem } from './problems';

/** What the caller knows of one source field, by its absolute names. */
export interface SourceFacts {
  /** Sample values of the field (any number; non-text ones are ignored). */
  values?: readonly unknown[];
  /** The source schema's format of the field (`date`, `dd.MM.yyyy`, an XSD type name). */
  format?: string;
}

/** Day or month first, then the year: text that does not sort as the date it is. */
const UNSORTABLE_DATE = /^\d{1,2}[./-]\d{1,2}[./-](\d{2}|\d{4})( .*)?$/;
/** A format naming a day-first or month-first pattern (`dd.MM.yyyy`, `MM/dd/yyyy`). */
const UNSORTABLE_FORMAT = /^(d{1,2}|M{1,2})[./-](d{1,2}|M{1,2})[./-]y{2,4}/;

/** Whether `facts` say the field holds dates written so that text order is not date order. */
export function looksLikeUnsortableDates(facts: SourceFacts | undefined): boolean {
  if (facts?.format !== undefined && UNSORTABLE_FORMAT.test(facts.format)) return true;
  const texts = (facts?.values ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  // Most of the sample, so one odd value does not decide either way.
  return texts.length > 0 && texts.filter((t) => UNSORTABLE_DATE.test(t.trim())).length * 2 > texts.length;
}

function parsesDate(transforms: readonly TransformNode[] | undefined): boolean {
  return (transforms ?? []).some((t) => t.kind === 'date');
}

/** A sort-key warning and where it sits in the document (a JSON pointer, for a line and column). */
export type SortDateProblem = Problem & { pointer: Array<string | number> };

function warning(target: string, what: string, source: string, pointer: Array<string | number>): SortDateProblem {
  return {
    pointer,
    kind: 'source',
    severity: 'warning',
    code: 'MAP_SORT_TEXT_DATE',
    target,
    message: `${what} sorts ${source} as text, but its values are dates written day or month first (such as dd.MM.yyyy): add a date transform to the sort key (from dd.MM.yyyy to yyyy-MM-dd)`,
  };
}

/** The sort keys of `doc` that sort date-like text as text (see the module comment). */
export function sortDateTextProblems(doc: MappingDocument, factsOf: (names: readonly string[]) => SourceFacts | undefined): SortDateProblem[] {
  const out: SortDateProblem[] = [];
  doc.arrays.forEach((a, i) => {
    if (!a.sort || parsesDate(a.sort.transforms)) return;
    const targetNames = a.target === '.' ? [] : pathNames(a.target);
    // The key is read on the context's items: the context's own source, then the field.
    const items = targetNames && absoluteSource(doc, [...targetNames.slice(0, -1), '\u0000'], a.source);
    const base = a.source === '.' ? (targetNames ? (absoluteSource(doc, [...targetNames.slice(0, -1), '\u0000'], 'x')?.slice(0, -1) ?? []) : []) : items;
    const field = pathNames(a.sort.field);
    if (!base || !field) return;
    if (looksLikeUnsortableDates(factsOf([...base, ...field]))) out.push(warning(a.target, `array ${a.target}`, a.sort.field, ['arrays', i, 'sort', 'field']));
  });
  doc.rules.forEach((rule, r) => {
    const targetNames = pathNames(rule.target);
    rule.transforms.forEach((t, i) => {
      if (t.kind !== 'sort' || t.field === undefined || !targetNames || parsesDate(rule.transforms.slice(0, i))) return;
      for (const source of rule.sources) {
        const names = absoluteSource(doc, targetNames, source);
        const field = pathNames(t.field);
        if (names && field && looksLikeUnsortableDates(factsOf([...names, ...field]))) out.push(warning(rule.target, `rule ${rule.target}`, `${source} by ${t.field}`, ['rules', r, 'transforms', i, 'field']));
      }
    });
  });
  return out;
}

/** The values at `names` in `payload`, stepping into every item of a list on the way. */
export function valuesAt(payload: unknown, names: readonly string[]): unknown[] {
  let level: unknown[] = [payload];
  for (const name of names) {
    const next: unknown[] = [];
    for (const value of level.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (value !== null && typeof value === 'object' && Object.hasOwn(value, name)) next.push((value as Record<string, unknown>)[name]);
    }
    level = next;
  }
  return level.flatMap((v) => (Array.isArray(v) ? v : [v]));
}
