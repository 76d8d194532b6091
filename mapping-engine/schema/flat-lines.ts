/**
 * The flat listing of a schema (`mapwright infer --flat`): one line per field,
 * easy to diff and to grep. Format of a line:
 * `<path>\t<type>[\t<flags>]`, e.g. `order.line_items[].price\tstring\trequired`.
 */
import type { SchemaField } from './model';

/**
 * Names JSONata could not read as a plain path step are written in backticks, as a rule's JSONata
 * writes them (`` `Zahlungs-Nr` ``, `` `@currencyID` ``, `` `cbc:ID` ``), so a printed path pastes into an expression.
 */
const NEEDS_QUOTES = /^(?![A-Za-z_][A-Za-z0-9_]*$)|^(and|or|in|true|false|null|function)$/;

/** Control characters would break the one-line, tab-separated format. */
function escapeControls(name: string): string {
  return name.replace(/[\t\n\r]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/** One path segment as printed: quoted when needed, `[]` after a repeating field. */
function segment(field: SchemaField): string {
  const name = NEEDS_QUOTES.test(field.name) ? `\`${escapeControls(field.name)}\`` : field.name;
  return field.repeating ? `${name}[]` : name;
}

function flagsOf(field: SchemaField): string {
  const flags: string[] = [];
  if (field.required) flags.push('required');
  if (field.nullable) flags.push('nullable');
  if (field.enum !== undefined) flags.push('enum');
  return flags.length ? `\t${flags.join(',')}` : '';
}

/**
 * Lists every field under `root` (the root itself excluded), depth-first in
 * document order. A repeating root prints as a leading `[]` (`[].name`).
 */
export function flatLines(root: SchemaField): string[] {
  const lines: string[] = [];
  const visit = (field: SchemaField, prefix: string): void => {
    for (const child of field.children ?? []) {
      const path = prefix ? `${prefix}.${segment(child)}` : segment(child);
      lines.push(`${path}\t${child.type}${flagsOf(child)}`);
      visit(child, path);
    }
  };
  visit(root, root.repeating ? '[]' : '');
  return lines;
}
