/**
 * Cuts value-map bindings (`$statusMap := {...};`) out of an expression's
 * top block. The reverse parser compares the text around the fields with
 * the compiled skeleton; value maps belong to the fields that use them, so
 * they are read from the AST and left out of that comparison.
 */
import { CHECK_DIGIT_HELPER } from '../../transforms/check-transforms';
import { ZONE_HELPER } from '../../transforms/date-zones';
import { INVALID_HELPER } from '../../transforms/invalid-value';
import { NUMBER_HELPER } from '../../transforms/number-text';
import { PRESENT_HELPER } from '../../transforms/present-value';

/** Offset just past the `}` closing the object that opens at `open`, skipping string literals; -1 if unclosed. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * `text` without the first binding of each of `variables` (names without
 * `$`), from the line break before it through its `;`, and how many
 * characters were cut; undefined when one is missing or not an object.
 */
export function stripBindings(text: string, variables: readonly string[]): { text: string; removed: number } | undefined {
  let out = text;
  for (const name of variables) {
    const m = new RegExp(`\\n[ \\t]*\\$${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}\\s*:=\\s*\\{`).exec(out);
    if (!m) return undefined;
    const end = closingBrace(out, m.index + m[0].length - 1);
    const semi = end < 0 ? null : /^\s*;/.exec(out.slice(end));
    if (!semi) return undefined;
    out = out.slice(0, m.index) + out.slice(end + semi[0].length);
  }
  return { text: out, removed: text.length - out.length };
}

/**
 * `text` without the `$invalid`, `$toNumber`, `$present` and `$zoneOffset` helpers at
 * the top (see transforms/invalid-value.ts, number-text.ts, present-value.ts and date-zones.ts), and how many
 * characters were cut. A helper is there when some field's transform needs
 * it, so it belongs to the fields, like value maps, and not to the skeleton.
 */
export function stripInvalidHelper(text: string): { text: string; removed: number } {
  let out = text;
  let removed = 0;
  for (const lines of [INVALID_HELPER, NUMBER_HELPER, PRESENT_HELPER, ZONE_HELPER, CHECK_DIGIT_HELPER]) {
    const helper = lines.map((line) => `\n  ${line}`).join('');
    const at = out.indexOf(helper);
    if (at < 0) continue;
    out = out.slice(0, at) + out.slice(at + helper.length);
    removed += helper.length;
  }
  return { text: out, removed };
}
