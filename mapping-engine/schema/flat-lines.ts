/**
 * The flat listing of a schema (`mapwright infer --flat`): one line per field,
 * easy to diff and to grep. Format of a line:
 * `<path>\t<type>[\t<flags>]`, e.g. `order.line_items.price\tstring\trequired`.
 *
 * The path is written as a rule's source path in the mapping document: the
 * field's names joined by `.`, a name JSONata cannot read bare in backticks
 * (`` `Zahlungs-Nr` ``, `` `@currencyID` ``, `` `cbc:ID` ``), and no array
 * marks. So a printed path pastes into a rule's sources or into JSONata as it
 * is, and reads the field's values: JSONata maps over arrays on its own, and
 * the rows of a CSV (a repeating root) are what a path is evaluated on. A
 * repeating field says so in its flags instead (`repeating`).
 */
import { quoteName } from '../transforms/jsonata-text';
import type { SchemaField } from './model';

/** Control characters would break the one-line, tab-separated format. */
function escapeControls(name: string): string {
  return name.replace(/[\t\n\r]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/** One path segment as printed: quoted when JSONata needs it, as the compiler quotes a source path's names. */
function segment(field: SchemaField): string {
  return quoteName(escapeControls(field.name));
}

function flagsOf(field: SchemaField): string {
  const flags: string[] = [];
  if (field.repeating) flags.push('repeating');
  if (field.required) flags.push('required');
  if (field.nullable) flags.push('nullable');
  if (field.enum !== undefined) flags.push('enum');
  return flags.length ? `\t${flags.join(',')}` : '';
}

/**
 * Lists every field under `root` (the root itself excluded), depth-first in
 * document order. A repeating root (the rows of a CSV, a top-level list) adds
 * nothing to the paths: `` `Zahlungs-Nr` `` reads the field of every row.
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
  visit(root, '');
  return lines;
}
