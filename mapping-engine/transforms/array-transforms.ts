/** Array transforms: aggregates, pick an item or field, filter, sort. */
import { compilePredicate, describePredicate } from './predicate';
import { literal, pathExpression } from './jsonata-text';
import { exactAggregate, exactResult, fixedText } from './money';
import { numberCall } from './number-text';
import { presentCall } from './present-value';
import type { NodeOf } from './transform-node';
import type { SpecTable, TransformContext } from './types';

/** Whether an aggregate computes a value per item first (a product, rounding, or amounts read from text). */
function perItem(n: NodeOf<'aggregate'>): boolean {
  return n.times !== undefined || n.itemDecimals !== undefined || n.decimalSeparator !== undefined || n.thousandsSeparator !== undefined;
}

/**
 * JSONata text of one item's value (the item is `$i`): its field, read as a
 * number when separators are given, times the `times` field, rounded. An
 * item without a value drops out, like a missing field in a plain sum.
 */
function itemValue(n: NodeOf<'aggregate'>, ctx: TransformContext): string {
  if (n.field === undefined) throw new Error('an aggregate that multiplies, rounds or reads text needs a field');
  if (n.fn === 'join' || n.fn === 'count') throw new Error(`${n.fn} does not compute a value per item`);
  const format = { decimalSeparator: n.decimalSeparator ?? '.', thousandsSeparator: n.thousandsSeparator ?? '', onInvalid: 'error' } as const;
  // An error names the item (1-based) after the record, since the field's value comes from all of them.
  const item = ctx.record ? '$record & ", item " & ($n + 1)' : '"item " & ($n + 1)';
  const read = (field: string): string => {
    if (n.decimalSeparator === undefined && n.thousandsSeparator === undefined) return `$i.${pathExpression(field)}`;
    const owner = ctx.itemOwners?.[field];
    return numberCall(`$i.${pathExpression(field)}`, format, owner ? { ...ctx, field: owner.label } : ctx, owner ? (owner.record ?? item) : item);
  };
  let value = read(n.field);
  // The product is the decimal (money.ts exactResult), so a line of 3 x 1.005 rounds as 3.015.
  if (n.times !== undefined) value = exactResult(`${value} * ${read(n.times)}`);
  return n.itemDecimals === undefined ? value : `$round(${value}, ${n.itemDecimals})`;
}

type ArrayKind = 'aggregate' | 'pick' | 'filter' | 'sort';

/** Compilers and descriptions of the array transforms. */
export const ARRAY_TRANSFORMS: SpecTable<ArrayKind> = {
  aggregate: {
    compile: (n, input, ctx) => {
      const exact = n.decimals;
      if (exact === undefined && n.fixed) throw new Error('fixed fraction digits need decimals');
      if (exact !== undefined && (n.fn === 'join' || n.fn === 'count')) throw new Error(`${n.fn} has no decimals`);
      // Null and "" values drop out (jsonata's $sum fails on a null); a list with none left is no value.
      const items = perItem(n) ? `$map(${presentCall(input)}, function($i, $n) {${itemValue(n, ctx)}})` : presentCall(n.field === undefined ? input : `${input}.${pathExpression(n.field)}`);
      if (n.fn === 'join') return `$join(${items}.$string(), ${literal(n.separator)})`;
      if (exact === undefined || n.fn === 'count') return `$${n.fn}(${items})`;
      const total = exactAggregate(n.fn, items, exact);
      return n.fixed ? fixedText(total, exact) : total;
    },
    describe: (n) => {
      const of = n.field ? `field "${n.field}"${n.times ? ` times field "${n.times}"` : ''} of ` : '';
      const rounded = n.itemDecimals === undefined ? '' : `, each rounded to ${n.itemDecimals} decimal${n.itemDecimals === 1 ? '' : 's'}`;
      const exact = n.decimals === undefined ? '' : `, exact to ${n.decimals} decimal${n.decimals === 1 ? '' : 's'}${n.fixed ? ' and written with all of them' : ''}`;
      return `${({ sum: 'Sum', count: 'Count', min: 'Smallest', max: 'Largest', average: 'Average', join: 'All joined' })[n.fn]} of ${of}the items${rounded}${exact}${n.fn === 'join' ? ` with ${JSON.stringify(n.separator)}` : ''}.`;
    },
  },
  pick: {
    compile: (n, input) => {
      // Parentheses make the index pick from the whole result: `rows.id[0]` would index inside each row.
      let text = n.index === undefined ? input : `(${input})[${n.index}]`;
      if (n.field !== undefined) text = `${text}.${pathExpression(n.field)}`;
      return text;
    },
    describe: (n) => `${n.index === undefined ? '' : n.index < 0 ? `Item ${-n.index} from the end` : `Item ${n.index + 1}`}${n.index !== undefined && n.field ? ', ' : ''}${n.field ? `field "${n.field}"` : ''}.`,
  },
  filter: {
    compile: (n, input) => `${input}[${compilePredicate(n.when, '$')}]`,
    describe: (n) => `Only the items where ${describePredicate(n.when)}.`,
  },
  sort: {
    compile: (n, input) => {
      if (n.field === undefined) return n.descending ? `$reverse($sort(${presentCall(input)}))` : `$sort(${presentCall(input)})`;
      return `${input}^(${n.descending ? '>' : '<'}${pathExpression(n.field)})`;
    },
    describe: (n) => `Sorted by ${n.field ? `field "${n.field}"` : 'value'}, ${n.descending ? 'largest' : 'smallest'} first.`,
  },
};
