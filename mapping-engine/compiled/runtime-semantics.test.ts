/**
 * The compiled runtime's hardest pieces against jsonata itself (number
 * pictures are in number-picture.test.ts): `$replace` replacements with `$`
 * references, dates in zones around daylight-saving changes, and the check
 * digits. Every case
 * either gives jsonata's result or bails; a bail is counted, never a
 * difference.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileTransform } from '../transforms';
import { TEST_CONTEXT, TEST_HELPERS } from '../transforms/transforms-test-helpers';
import { transformNodeSchema } from '../transforms/transform-node';
import { CHECK_DIGIT_HELPER } from '../transforms/check-transforms';
import { Bail } from './runtime';
import { replacementParts, replaceGroups } from './runtime-text';
import { ibanTest, luhnTest } from './runtime-checks';
import { emitTransform } from './emit-transform';
import * as runtime from './runtime';
import * as lists from './runtime-lists';
import * as texts from './runtime-text';
import * as numbers from './runtime-numbers';
import * as checks from './runtime-checks';
import { dateConverter } from './date-runtime';

/** The compiled result of `f()`, or "bail". */
function compiled(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    if (error instanceof Bail) return 'bail';
    throw error;
  }
}

/** jsonata's result of `expression` on `input`, or "error". */
async function viaJsonata(expression: string, input: unknown): Promise<unknown> {
  try {
    return await jsonata(expression).evaluate(input);
  } catch {
    return 'error';
  }
}

describe('compiled runtime against jsonata', () => {
  it('reads $ references in a replacement as $replace does', async () => {
    const patterns = ['^([A-Z]+)-([0-9]+)$', '(a)', '(x)?a', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)'];
    const replacements = ['$1', '$2/$1', '$$', '$0', '$', 'x$', '$x', '$12', '$10$1', '$-1', '$+1', '$ 1', '$00', '$9', '$1$1$$$'];
    for (const pattern of patterns) {
      const groups = new RegExp(`${pattern}|`).exec('')!.length - 1;
      for (const replacement of replacements) {
        for (const text of ['ACC-12', 'banana', 'abcdefghijklm', 'xa a']) {
          const got = compiled(() => replaceGroups(text, new RegExp(pattern, 'g'), replacementParts(replacement, groups)));
          expect(got, `${pattern} ${replacement} ${text}`).toBe(await viaJsonata(`$replace(t, /${pattern}/, ${JSON.stringify(replacement)})`, { t: text }));
        }
      }
    }
  });

  it('converts dates in zones as the compiled JSONata does, around daylight-saving changes', async () => {
    const rt = { ...runtime, ...lists, ...texts, ...numbers, ...checks, dateConverter };
    const k = { json: (v: unknown) => JSON.stringify(v), expression: (t: string) => t };
    const instants = ['2025-03-30T00:59:59Z', '2025-03-30T01:00:00Z', '2025-10-26T00:59:59Z', '2025-10-26T01:00:00Z', '2024-12-31T23:30:00-01:00', '2025-07-01T00:15:00+02:00', '2025-07-01T00:15:00+0530', '2025-01-01', '2025-02-29', '2025-13-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59Z', '2025-06-01T12:00:00'];
    const nodes = [
      { kind: 'date', from: 'iso', to: 'iso', timezone: 'Europe/Berlin' },
      { kind: 'date', from: 'iso', to: 'dd.MM.yyyy HH:mm', timezone: 'America/New_York' },
      { kind: 'date', from: 'iso', to: 'yyyyMMdd', timezone: 'source' },
      { kind: 'date', from: 'iso', to: 'iso', timezone: '-0330' },
      { kind: 'date', from: 'iso', to: 'epoch-s' },
      { kind: 'date', from: 'dd.MM.yy', to: 'yyyy-MM-dd', pivotYear: 30 },
      { kind: 'date', from: 'epoch-ms', to: 'iso', timezone: 'Australia/Sydney' },
    ].map((n) => transformNodeSchema.parse(n));
    const values = [...instants, '01.07.25', '31.12.99', '29.02.23', '1.1.25', 1735689600000, '-86400000', '1e3', null, ''];
    let checked = 0;
    for (const node of nodes) {
      const text = emitTransform(node, 'v', k, () => undefined, 1, true)!;
      const convert = new Function('rt', 'v', `return ${text};`) as (r: typeof rt, v: unknown) => unknown;
      const expression = `(\n${TEST_HELPERS}\n${compileTransform(node, 'v', TEST_CONTEXT)}\n)`;
      for (const value of values) {
        const got = compiled(() => convert(rt, value));
        if (got === 'bail') continue;
        expect(got, `${JSON.stringify(node)} ${value}`).toEqual(await viaJsonata(expression, { v: value }));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('checks IBAN and Luhn digits as the JSONata helpers do', async () => {
    const helpers = CHECK_DIGIT_HELPER.join('\n');
    for (const s of ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013001', 'GB82WEST12345698765432', 'gb82 west 1234 5698 7654 32', 'DE00', '79927398713', '79927398710', '4539 1488 0343 6467', '1-2', '0', '']) {
      expect(ibanTest(s, s), s).toBe(await viaJsonata(`(${helpers} $checkIban(s))`, { s }));
      expect(luhnTest(s, s), s).toBe(await viaJsonata(`(${helpers} $checkLuhn(s))`, { s }));
    }
  });
});
