/**
 * The spec as one standalone HTML page: inline CSS (with print rules), no
 * scripts, no external assets, and a Content-Security-Policy that forbids
 * loading anything, so the file can be mailed, opened offline and printed.
 * Every text is HTML-escaped.
 */
import type { MappingSpec } from './spec-types';
import { defaultText, expectsCell, headerRows, maskingNoteText, maskingPolicyText, requiredText, testResultCell } from './spec-text';
import { entryHeader, originText, shapeText, usedByText } from './table-uses';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;

const STYLE = `
  :root { color-scheme: light; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; margin: 2rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #2f6feb; padding-bottom: 0.2rem; }
  h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
  th, td { border: 1px solid #c9d1de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  thead th { background: #e8eef9; }
  table.header th { width: 14rem; background: #f4f6fa; }
  code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Consolas, monospace; white-space: pre-wrap; }
  code.path { white-space: nowrap; }
  td.jsonata code { overflow-wrap: anywhere; }
  ol { margin: 0; padding-left: 1.2rem; }
  td.jsonata code { color: #36405a; }
  .required { font-weight: 600; color: #a3261c; }
  .passed { color: #1a7f37; font-weight: 600; }
  .failed, .error { color: #a3261c; font-weight: 600; }
  .muted { color: #5c667a; }
  @media print {
    body { margin: 0; font-size: 10pt; }
    h2 { break-after: avoid; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
`;

function code(text: string): string {
  return text === '' ? '' : `<code>${h(text)}</code>`;
}

/** A field path that may break after its dots (never inside a name). */
function pathCode(path: string): string {
  return `<code class="path">${path.split('.').map(h).join('.<wbr>')}</code>`;
}

function table(id: string, header: string[], rows: string[][], cellClasses: string[] = []): string {
  const head = `<thead><tr>${header.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cellClasses[i] ? ` class="${cellClasses[i]}"` : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table id="${id}">${head}\n<tbody>\n${body}\n</tbody></table>`;
}

function lookups(spec: MappingSpec): string {
  if (spec.lookups.length === 0) return '<p class="muted">No lookup tables.</p>';
  return spec.lookups
    .map((l) => {
      const from = originText(l, code);
      const used = l.usedBy.length ? usedByText(l, pathCode, h) : 'no field';
      return `<h3>${h(l.name)}</h3>\n<p>${h(shapeText(l))}From ${from}; used by ${used}.</p>\n${table(`lookup-${h(l.name)}`, entryHeader(l), l.entries.map(([k, v]) => [h(k), h(v)]))}`;
    })
    .join('\n');
}

function tests(spec: MappingSpec): string {
  if (!spec.tests) return '<p class="muted">Tests were not run for this spec.</p>';
  if (spec.tests.length === 0) return '<p class="muted">No test cases.</p>';
  const rows = spec.tests.map((t) => [h(t.name), code(t.input), expectsCell(t, h, pathCode), `<span class="${t.outcome === 'not run' ? 'muted' : t.outcome}">${h(t.outcome)}</span>`, testResultCell(t, h, pathCode)]);
  return table('tests', ['Test case', 'Input', 'Expects', 'Outcome', 'Details'], rows);
}

function unmapped(spec: MappingSpec): string {
  if (spec.unmappedUnknown) return '<p class="muted">The target has no schema, so unmapped fields cannot be listed.</p>';
  if (spec.unmapped.length === 0) return '<p>Every target field is mapped.</p>';
  const rows = spec.unmapped.map((u) => [pathCode(u.path), h(u.type), u.required ? '<span class="required">yes</span>' : 'no']);
  return table('unmapped', ['Target field', 'Type', 'Required'], rows);
}

function masking(spec: MappingSpec): string {
  const parts = [`<p>${h(maskingPolicyText(spec))}.</p>`];
  if (spec.masking.overrides.length) parts.push(table('masking-overrides', ['Field', 'Policy'], spec.masking.overrides.map((o) => [pathCode(o.field), h(o.decision)])));
  if (spec.masking.fields.length === 0) parts.push('<p class="muted">No source field holds personal data as masking judges it.</p>');
  else parts.push(table('masking', ['Source field', 'Category', 'Masked', 'Why'], spec.masking.fields.map((m) => [pathCode(m.field), h(m.category), m.masked ? 'yes' : 'no', h(m.reason)])));
  if (spec.masking.targets.length) {
    parts.push('<p>Personal data in the output: a target field that reads a masked source field carries personal data, and its values must not be logged.</p>');
    parts.push(table('personal-targets', ['Target field', 'Personal data', 'From', 'Values may be logged'], spec.masking.targets.map((t) => [pathCode(t.target), t.personal ? 'yes' : 'no', t.from.length ? t.from.map(pathCode).join(', ') : h(t.reason ?? ''), t.personal ? 'no' : 'yes'])));
  }
  parts.push(`<p class="muted">${h(maskingNoteText(spec))}</p>`);
  return parts.join('\n');
}

/** Renders the whole spec as a standalone, printable HTML document. */
export function renderHtml(spec: MappingSpec): string {
  const header = headerRows(spec)
    .map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td></tr>`)
    .join('\n');
  const fields = table(
    'fields',
    ['Target field', 'Type', 'Required', 'Source fields', 'Transform', 'JSONata', 'When empty', 'Default', 'Notes'],
    spec.fields.map((f) => [
      pathCode(f.path),
      h(f.type ?? ''),
      f.schemaRequired ? `<span class="required">${requiredText(true)}</span>` : requiredText(f.schemaRequired),
      f.sources.map(pathCode).join('<br>'),
      f.steps.length > 1 ? `<ol>${f.steps.map((s) => `<li>${h(s)}</li>`).join('')}</ol>` : h(f.transform),
      code(f.jsonata),
      h(f.policyText),
      code(defaultText(f)),
      h(f.notes ?? ''),
    ]),
    ['', '', '', '', '', 'jsonata'],
  );
  const arrays = spec.arrays.length
    ? table('arrays', ['Target', 'Source', 'How'], spec.arrays.map((a) => [pathCode(a.target), pathCode(a.source), h(a.description)]))
    : '<p class="muted">No array contexts.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mapping spec: ${h(spec.header.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Mapping spec: ${h(spec.header.name)}</h1>
<table class="header" id="overview"><tbody>
${header}
</tbody></table>
<h2>Fields</h2>
${fields}
<h2>Arrays</h2>
${arrays}
<h2>Lookup tables</h2>
${lookups(spec)}
<h2>Tests</h2>
${tests(spec)}
<h2>Unmapped target fields</h2>
${unmapped(spec)}
<h2>Masking</h2>
${masking(spec)}
</body>
</html>
`;
}
