/** Array transforms: aggregates, pick an item or field, filter, sort. */
import { compilePredicate, describePredicate } from './predicate';
import { literal, pathExpression } from './jsonata-text';
import type { SpecTable } from './types';

type ArrayKind = 'aggregate' | 'pick' | 'filter' | 'sort';

/** Compilers and descriptions of the array transforms. */
export const ARRAY_TRANSFORMS: SpecTable<ArrayKind> = {
  aggregate: {
    compile: (n, input) => {
      const items = n.field === undefined ? input : `${input}.${pathExpression(n.field)}`;
      if (n.fn === 'join') return `$join(${items}.$string(), ${literal(n.separator)})`;
      return `$${n.fn}(${items})`;
    },
    describe: (n) =>
      `${({ sum: 'Sum', count: 'Count', min: 'Smallest', max: 'Largest', average: 'Average', join: 'All joined' })[n.fn]} of ${n.field ? `field "${n.field}" of ` : ''}the items${n.fn === 'join' ? ` with ${JSON.stringify(n.separator)}` : ''}.`,
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
      if (n.field === undefined) return n.descending ? `$reverse($sort(${input}))` : `$sort(${input})`;
      return `${input}^(${n.descending ? '>' : '<'}${pathExpression(n.field)})`;
    },
    describe: (n) => `Sorted by ${n.field ? `field "${n.field}"` : 'value'}, ${n.descending ? 'largest' : 'smallest'} first.`,
  },
};
