import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument } from '../../mapping-engine/document/load-document';
import { lineColumnAt } from '../../mapping-engine/errors';
import { invokeStudioMethod } from '../contract/invoke-studio-method';
import type { StudioApi, StudioResult } from '../contract/studio-api';
import { createFileAccess } from './engine/file-access';
import { createStudioBackend } from './studio-backend';

const repo = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A backend over a temp copy of the repository samples (never runs anything, so no runner). */
function backend(): { api: StudioApi; samplesDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-editor-'));
  temps.push(root);
  const samplesDir = join(root, 'samples');
  cpSync(join(repo, 'samples'), samplesDir, { recursive: true });
  return { api: createStudioBackend({ samplesDir, appVersion: '1.0.0', platform: 'linux', fileAccess: createFileAccess([samplesDir]) }), samplesDir };
}

function value<T>(result: StudioResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function projectOf(samplesDir: string, id: string): { projectPath: string; text: string } {
  const projectPath = join(samplesDir, id, `${id}.mapwright.json`);
  return { projectPath, text: readFileSync(projectPath, 'utf8') };
}

/** The leaf fields of a source map, last first: no span nested inside theirs (`.` is a whole-output array). */
function leaves(sourceMap: Record<string, { start: number; end: number }>): string[] {
  const spans = Object.entries(sourceMap);
  const nests = (outer: { start: number; end: number }, path: string) =>
    spans.some(([other, inner]) => other !== path && inner.start >= outer.start && inner.end <= outer.end);
  return spans.filter(([path, span]) => !nests(span, path)).map(([path]) => path).reverse();
}

const sampleIds = readdirSync(join(repo, 'samples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('applyExpression', () => {
  it('finds the samples it edits', () => {
    expect(sampleIds.length).toBeGreaterThanOrEqual(4);
  });

  it.each(sampleIds)('applies an $uppercase wrapped around a field of %s and is stable when applied again', async (id) => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, id);
    const compiled = value(await api.compileDocument({ text, projectPath }));
    const field = leaves(compiled.sourceMap)[0]!;
    const span = compiled.sourceMap[field]!;
    const original = compiled.expression.slice(span.start, span.end);
    const edited = `${compiled.expression.slice(0, span.start)}$uppercase(${original})${compiled.expression.slice(span.end)}`;

    const applied = value(await api.applyExpression({ projectPath, text, expression: edited }));

    const doc = loadDocument(applied.text).document;
    expect(doc.rules.map((r) => r.target).sort()).toEqual(loadDocument(text).document.rules.map((r) => r.target).sort());
    expect(applied.text).not.toBe(text);
    const newSpan = applied.sourceMap[field]!;
    expect(applied.expression.slice(newSpan.start, newSpan.end)).toContain('$uppercase(');
    // The recompiled expression is a fixed point: applying it again changes nothing.
    const again = value(await api.applyExpression({ projectPath, text: applied.text, expression: applied.expression }));
    expect(again.text).toBe(applied.text);
    expect(again.expression).toBe(applied.expression);
  });

  it('reads an edited value-map default back into the rule, not as custom', async () => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath }));
    expect(compiled.expression).toContain(': "PROSPECT")');
    const applied = value(await api.applyExpression({ projectPath, text, expression: compiled.expression.replace(': "PROSPECT")', ': "LEAD")') }));
    expect(applied.custom).toEqual([]);
    const status = loadDocument(applied.text).document.rules.find((r) => r.target === 'status')!;
    expect(JSON.stringify(status.transforms)).toContain('"LEAD"');
    expect(applied.expression).toContain(': "LEAD")');
  });

  it('keeps a field it cannot read back as a custom expression and names it', async () => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath }));
    const span = compiled.sourceMap['revenue']!;
    const custom = '($r := annualRevenue; $r > 1000 ? "big" : "small")';
    const edited = compiled.expression.slice(0, span.start) + custom + compiled.expression.slice(span.end);
    const applied = value(await api.applyExpression({ projectPath, text, expression: edited }));
    expect(applied.custom).toEqual(['revenue']);
    const rule = loadDocument(applied.text).document.rules.find((r) => r.target === 'revenue')!;
    expect(rule.transforms).toEqual([{ kind: 'custom', expression: custom }]);
  });

  it('rejects broken JSONata with COMPILE_PARSE at the line and column of the mistake', async () => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath }));
    const span = compiled.sourceMap['revenue']!;
    const edited = `${compiled.expression.slice(0, span.start)}annualRevenue + * 2${compiled.expression.slice(span.end)}`;
    const result = await api.applyExpression({ projectPath, text, expression: edited });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('COMPILE_PARSE');
    expect(result.error.line).toBe(lineColumnAt(edited, span.start).line);
    expect(result.error.column).toBeGreaterThan(1);
  });

  it('rejects an edit outside the field values with COMPILE_UNSUPPORTED at that line', async () => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath }));
    // Renaming a target key is a layout change: keys come from the document's target tree.
    const edited = compiled.expression.replace('"revenue": ', '"turnover": ');
    expect(edited).not.toBe(compiled.expression);
    const result = await api.applyExpression({ projectPath, text, expression: edited });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('COMPILE_UNSUPPORTED');
    expect(result.error.line).toBeGreaterThan(1);
    expect(result.error.line).toBeLessThanOrEqual(lineColumnAt(edited, edited.indexOf('"turnover"')).line);
  });

  it('reads file lookup tables through the file-access register only', async () => {
    const { api, samplesDir } = backend();
    const { text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath: join(samplesDir, 'crm-to-erp', 'crm-to-erp.mapwright.json') }));
    // Without a project path the CSV table next to the project cannot be read.
    const unsaved = await api.applyExpression({ text, expression: compiled.expression });
    expect(unsaved).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    // A project outside the trusted roots is refused before anything is read.
    const outside = await api.applyExpression({ projectPath: join(tmpdir(), 'elsewhere', 'x.mapwright.json'), text, expression: compiled.expression });
    expect(outside.ok).toBe(false);
  });

  it('refuses a document that is open read-only', async () => {
    const { api, samplesDir } = backend();
    const { projectPath, text } = projectOf(samplesDir, 'crm-to-erp');
    const compiled = value(await api.compileDocument({ text, projectPath }));
    const newer = text.replace(/"formatVersion": 1/, '"formatVersion": 99');
    expect(newer).not.toBe(text);
    const result = await api.applyExpression({ projectPath, text: newer, expression: compiled.expression });
    expect(result).toMatchObject({ ok: false, error: { code: 'DOC_READ_ONLY' } });
  });

  it('validates its arguments at the contract boundary', async () => {
    const { api } = backend();
    const result = await invokeStudioMethod(api, 'applyExpression', [{ text: '{}', expression: 1 }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});
