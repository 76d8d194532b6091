/**
 * The spec as Markdown (GitHub flavour): a header table, then one section per
 * part. Every text is escaped, so a note or a constant can neither break a
 * table nor inject HTML where the Markdown is rendered.
 */
import type { MappingSpec } from './spec-types';
import { defaultText, expectsCell, headerRows, maskingNoteText, maskingPolicyText, requiredText, testResultCell } from './spec-text';
import { entryHeader, originText, shapeText, usedByText } from './table-uses';

/** Escapes Markdown syntax and keeps a cell on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** An inline code span long enough to hold the text's own backticks; pipes escaped for tables. */
export function markdownCode(text: string): string {
  if (text === '') return '';
  const flat = text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

const e = escapeMarkdown;

/** Renders the whole spec as Markdown text ending with a newline. */
export function renderMarkdown(spec: MappingSpec): string {
  const out: string[] = [`# Mapping spec: ${e(spec.header.name)}`, ''];
  out.push(...table(['', ''], headerRows(spec).map(([k, v]) => [`**${e(k)}**`, e(v)])), '');

  out.push('## Fields', '');
  out.push(
    ...table(
      ['Target field', 'Type', 'Required', 'Source fields', 'Transform', 'JSONata', 'When empty', 'Notes'],
      spec.fields.map((f) => [
        markdownCode(f.path),
        e(f.type ?? ''),
        requiredText(f.schemaRequired),
        f.sources.map(markdownCode).join(', '),
        e(f.transform),
        markdownCode(f.jsonata),
        e(f.policyText),
        e(f.notes ?? ''),
      ]),
    ),
    '',
  );
  const defaults = spec.fields.filter((f) => f.default !== undefined);
  if (defaults.length) out.push(`Defaults: ${defaults.map((f) => `${markdownCode(f.path)} = ${markdownCode(defaultText(f))}`).join(', ')}.`, '');

  out.push('## Arrays', '');
  if (spec.arrays.length === 0) out.push('No array contexts.', '');
  else out.push(...table(['Target', 'Source', 'How'], spec.arrays.map((a) => [markdownCode(a.target), markdownCode(a.source), e(a.description)])), '');

  out.push('## Lookup tables', '');
  if (spec.lookups.length === 0) out.push('No lookup tables.', '');
  for (const l of spec.lookups) {
    const from = originText(l, markdownCode);
    out.push(`### ${e(l.name)}`, '', `${e(shapeText(l))}From ${from}; used by ${l.usedBy.length ? usedByText(l, markdownCode, e) : 'no field'}.`, '');
    out.push(...table(entryHeader(l), l.entries.map(([k, v]) => [e(k), e(v)])), '');
  }

  out.push('## Tests', '');
  if (!spec.tests) out.push('Tests were not run for this spec.', '');
  else if (spec.tests.length === 0) out.push('No test cases.', '');
  else out.push(...table(['Test case', 'Input', 'Expects', 'Outcome', 'Details'], spec.tests.map((t) => [e(t.name), markdownCode(t.input), expectsCell(t, e, markdownCode), `**${t.outcome}**`, testResultCell(t, e, markdownCode)])), '');

  out.push('## Unmapped target fields', '');
  if (spec.unmappedUnknown) out.push('The target has no schema, so unmapped fields cannot be listed.', '');
  else if (spec.unmapped.length === 0) out.push('Every target field is mapped.', '');
  else out.push(...table(['Target field', 'Type', 'Required'], spec.unmapped.map((u) => [markdownCode(u.path), e(u.type), u.required ? '**yes**' : 'no'])), '');

  out.push('## Masking', '', `${e(maskingPolicyText(spec))}.`, '');
  if (spec.masking.overrides.length) out.push(...table(['Field', 'Policy'], spec.masking.overrides.map((o) => [markdownCode(o.field), o.decision])), '');
  if (spec.masking.fields.length === 0) out.push('No source field holds personal data as masking judges it.', '');
  else out.push(...table(['Source field', 'Category', 'Masked', 'Why'], spec.masking.fields.map((m) => [markdownCode(m.field), e(m.category), m.masked ? 'yes' : 'no', e(m.reason)])), '');
  if (spec.masking.targets.length) {
    out.push('Personal data in the output: a target field that reads a masked source field carries personal data, and its values must not be logged.', '');
    out.push(...table(['Target field', 'Personal data', 'From', 'Values may be logged'], spec.masking.targets.map((t) => [markdownCode(t.target), t.personal ? 'yes' : 'no', t.from.length ? t.from.map(markdownCode).join(', ') : e(t.reason ?? ''), t.personal ? 'no' : 'yes'])), '');
  }
  out.push(e(maskingNoteText(spec)), '');
  return `${out.join('\n').trimEnd()}\n`;
}
