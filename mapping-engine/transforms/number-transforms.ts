/** Number transforms: parse (decimal comma, thousands separators), format, round, arithmetic with a constant or between fields. */
import { literal } from './jsonata-text';
import { exactResult, exactSumStatements, fixedText } from './money';
import { numberCall } from './number-text';
import { presentCall } from './present-value';
import type { SpecTable } from './types';

type NumberKind = 'parseNumber' | 'formatNumber' | 'round' | 'arithmetic' | 'calculate';

/** Compilers and descriptions of the number transforms. */
export const NUMBER_TRANSFORMS: SpecTable<NumberKind> = {
  parseNumber: {
    // Each value of a list (several sources) is read on its own, so `[quantity, price]` can go on to calculate.
    compile: (n, input, ctx) => numberCall(input, n, ctx),
    describe: (n) =>
      `Read as a number with ${JSON.stringify(n.decimalSeparator)} as decimal separator${n.thousandsSeparator ? ` and ${JSON.stringify(n.thousandsSeparator)} between thousands` : ''}${n.onInvalid === 'omit' ? '; left out when not a number' : '; text that is not a number is an error'}.`,
  },
  formatNumber: {
    compile: (n, input) => {
      const options: string[] = [];
      if (n.decimalSeparator) options.push(`"decimal-separator": ${literal(n.decimalSeparator)}`);
      if (n.groupingSeparator) options.push(`"grouping-separator": ${literal(n.groupingSeparator)}`);
      return `$formatNumber(${presentCall(input)}, ${literal(n.picture)}${options.length ? `, {${options.join(', ')}}` : ''})`;
    },
    describe: (n) => `Written with the picture ${JSON.stringify(n.picture)}.`,
  },
  round: {
    // $round rounds half to even, like banking software, so 2.5 -> 2. Null and "" are no value (see present-value.ts).
    compile: (n, input) => {
      const rounded = `$round(${presentCall(input)}, ${n.decimals})`;
      return n.fixed ? fixedText(rounded, n.decimals) : rounded;
    },
    describe: (n) => `Rounded to ${n.decimals} decimal${n.decimals === 1 ? '' : 's'} (half to even)${n.fixed ? ', written with all of them' : ''}.`,
  },
  arithmetic: {
    // + - * / give the decimal result (money.ts), so `1.005 * 3` rounds as 3.015; a remainder stays as jsonata gives it.
    compile: (n, input) => {
      if (n.op === '%') return `(${presentCall(input)} % ${n.operand})`;
      if (n.op === '*' || n.op === '/') return exactResult(`${presentCall(input)} ${n.op} ${n.operand}`);
      return `($v := ${presentCall(input)}; ${exactSumStatements(`$v ${n.op} ${n.operand}`, `$max([$abs($v), ${Math.abs(n.operand)}])`)})`;
    },
    describe: (n) => `${({ '+': 'Plus', '-': 'Minus', '*': 'Times', '/': 'Divided by', '%': 'Remainder after dividing by' })[n.op]} ${n.operand}.`,
  },
  calculate: {
    // The rule's sources in order (`quantity`, `price`), combined left to right. A source without a value drops out
    // of the list, so the count tells a missing operand: then there is no result rather than a wrong one.
    compile: (n, input, ctx) => {
      const count = ctx.sourceCount ?? 2;
      if (count < 2) throw new Error('calculate combines the values of two or more sources');
      const terms = Array.from({ length: count }, (_, i) => `$n[${i}]`).join(` ${n.op} `);
      // Through $present a null or "" source drops out of the list too, so it counts as missing.
      // The result is the decimal (money.ts): `0.7 * 0.05` is 0.035, not 0.034999999999999996; `1.015 - 1` is 0.015.
      const exact = n.op === '*' || n.op === '/' ? exactResult(terms) : `(${exactSumStatements(terms, '$max($map($n, $abs))')})`;
      return `($n := ${presentCall(input)}; $count($n) = ${count} ? ${exact} : ())`;
    },
    describe: (n) => `The source values ${({ '+': 'added', '-': 'subtracted in order', '*': 'multiplied', '/': 'divided in order' })[n.op]}; no value when one is missing.`,
  },
};
