/** Value transforms: value map, lookup table, condition, boolean parse, custom JSONata. */
import { compilePredicate, describePredicate } from './predicate';
import { rejectCall } from './check-transforms';
import { invalidCall } from './invalid-value';
import { literal, quoteName } from './jsonata-text';
import { parseBooleanReadsPresent, presentCall } from './present-value';
import type { Scalar } from './transform-node';
import type { SpecTable, TransformContext } from './types';

type ValueKind = 'valueMap' | 'lookup' | 'condition' | 'parseBoolean' | 'custom';

/** The "not found" branch shared by value maps and lookups. */
function unknownBranch(onUnknown: 'default' | 'error' | 'keep', fallback: Scalar | undefined, ctx: TransformContext, what: string): string {
  if (onUnknown === 'keep') return '$v';
  if (onUnknown === 'error') return invalidCall(ctx, `unknown ${what}`, '$k');
  return fallback === undefined ? '()' : literal(fallback);
}

function mapLiteral(entries: Record<string, Scalar>): string {
  return `{${Object.entries(entries)
    .map(([k, v]) => `${literal(k)}: ${literal(v)}`)
    .join(', ')}}`;
}

/** Compilers and descriptions of the value transforms. */
export const VALUE_TRANSFORMS: SpecTable<ValueKind> = {
  valueMap: {
    compile: (n, input, ctx) => {
      const unknown = unknownBranch(n.onUnknown, n.default, ctx, 'code');
      // Bound at the top, the field reads like a lookup and its line stays short whatever the map's size.
      const map = ctx.valueMapVariable?.(n);
      if (map) return `($v := ${input}; $k := $string($v); $exists($v) ? ($exists($lookup(${map}, $k)) ? $lookup(${map}, $k) : ${unknown}) : ())`;
      return `($v := ${input}; $k := $string($v); $m := ${mapLiteral(n.entries)}; $exists($v) ? ($exists($lookup($m, $k)) ? $lookup($m, $k) : ${unknown}) : ())`;
    },
    describe: (n) =>
      `Mapped ${Object.entries(n.entries)
        .map(([k, v]) => `${JSON.stringify(k)} -> ${JSON.stringify(v)}`)
        .join(', ')}; other values ${n.onUnknown === 'error' ? 'are an error' : n.onUnknown === 'keep' ? 'kept' : n.default === undefined ? 'left out' : `become ${JSON.stringify(n.default)}`}.`,
  },
  lookup: {
    compile: (n, input, ctx) => {
      const table = ctx.tableVariable(n.table);
      // A row table's found row gives one column: `$lookup($table_suppliers, $k).iban`.
      const found = n.column === undefined ? `$lookup(${table}, $k)` : `$lookup(${table}, $k).${quoteName(n.column)}`;
      return `($v := ${input}; $k := $string($v); $exists($v) ? ($exists($lookup(${table}, $k)) ? ${found} : ${unknownBranch(n.onUnknown, n.default, ctx, `key in table ${n.table}`)}) : ())`;
    },
    describe: (n) =>
      `Looked up in table "${n.table}"${n.column === undefined ? '' : `, column "${n.column}" of the row`}; keys not in it ${n.onUnknown === 'error' ? 'are an error' : n.onUnknown === 'keep' ? 'are kept' : n.default === undefined ? 'leave the field out' : `become ${JSON.stringify(n.default)}`}.`,
  },
  condition: {
    compile: (n, input, ctx) => {
      if (n.reject !== undefined) return `($v := ${input}; ${compilePredicate(n.when, '$v')} ? ${rejectCall(ctx, n.reject, '$string($v)')} : $v)`;
      const then = n.then === undefined ? '$v' : literal(n.then);
      const otherwise = n.else === undefined ? '$v' : literal(n.else);
      return `($v := ${input}; ${compilePredicate(n.when, '$v')} ? ${then} : ${otherwise})`;
    },
    describe: (n) =>
      n.reject !== undefined
        ? `When ${describePredicate(n.when)}: the record is rejected (${n.reject}).`
        : `When ${describePredicate(n.when)}: ${n.then === undefined ? 'kept' : JSON.stringify(n.then)}, otherwise ${n.else === undefined ? 'kept' : JSON.stringify(n.else)}.`,
  },
  parseBoolean: {
    compile: (n, input, ctx) => {
      // The shape is of the value as given, not of the trimmed, lower-cased text compared with the lists.
      const fail = n.onInvalid === 'omit' ? '()' : invalidCall(ctx, 'not a yes/no value', '$string($v)');
      const list = (values: string[]) => `[${values.map((v) => literal(v.toLowerCase())).join(', ')}]`;
      // Null and "" are no value (the rule's policy applies), unless the lists give empty text a meaning.
      const value = parseBooleanReadsPresent(n) ? presentCall(input) : input;
      return `($v := ${value}; $k := $lowercase($trim($string($v))); $exists($v) ? ($k in ${list(n.trueValues)} ? true : $k in ${list(n.falseValues)} ? false : ${fail}) : ())`;
    },
    describe: (n) => `Yes/no: ${n.trueValues.join('/')} mean true, ${n.falseValues.join('/')} mean false.`,
  },
  custom: {
    // The field value is in scope as $value; the record stays the context ($).
    compile: (n, input) => `($value := ${input}; ${n.expression})`,
    describe: (n) => `Custom JSONata: ${n.expression}`,
  },
};
