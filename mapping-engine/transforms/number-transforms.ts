/** Number transforms: parse (decimal comma, thousands separators), format, round, arithmetic. */
import { literal } from './jsonata-text';
import type { SpecTable } from './types';

type NumberKind = 'parseNumber' | 'formatNumber' | 'round' | 'arithmetic';

/** Compilers and descriptions of the number transforms. */
export const NUMBER_TRANSFORMS: SpecTable<NumberKind> = {
  parseNumber: {
    // $number raises D3030 on text that is not a number, which is what a bad cell should do.
    compile: (n, input) => {
      let text = `$trim($string(${input}))`;
      if (n.thousandsSeparator !== '') text = `$replace(${text}, ${literal(n.thousandsSeparator)}, "")`;
      if (n.decimalSeparator === ',') text = `$replace(${text}, ",", ".")`;
      return `$number(${text})`;
    },
    describe: (n) =>
      `Read as a number with ${JSON.stringify(n.decimalSeparator)} as decimal separator${n.thousandsSeparator ? ` and ${JSON.stringify(n.thousandsSeparator)} between thousands` : ''}.`,
  },
  formatNumber: {
    compile: (n, input) => {
      const options: string[] = [];
      if (n.decimalSeparator) options.push(`"decimal-separator": ${literal(n.decimalSeparator)}`);
      if (n.groupingSeparator) options.push(`"grouping-separator": ${literal(n.groupingSeparator)}`);
      return `$formatNumber(${input}, ${literal(n.picture)}${options.length ? `, {${options.join(', ')}}` : ''})`;
    },
    describe: (n) => `Written with the picture ${JSON.stringify(n.picture)}.`,
  },
  round: {
    // $round rounds half to even, like banking software, so 2.5 -> 2.
    compile: (n, input) => `$round(${input}, ${n.decimals})`,
    describe: (n) => `Rounded to ${n.decimals} decimal${n.decimals === 1 ? '' : 's'} (half to even).`,
  },
  arithmetic: {
    compile: (n, input) => `(${input} ${n.op} ${n.operand})`,
    describe: (n) => `${({ '+': 'Plus', '-': 'Minus', '*': 'Times', '/': 'Divided by', '%': 'Remainder after dividing by' })[n.op]} ${n.operand}.`,
  },
};
