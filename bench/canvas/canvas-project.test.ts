import { describe, expect, it } from 'vitest';
import { documentLinks } from '../../mapping-engine/document/canvas/canvas-links';
import { mappingDocumentSchema } from '../../mapping-engine/document/document-schema';
import { compileDocument } from '../../mapping-engine/compiler/compile-document';
import { CANVAS_BUDGET, canvasDocument, fieldCount, sideSchema } from './canvas-project';

describe('the canvas budget project', () => {
  it('has 2,000+ fields a side, 500 links, 150 transforms and 4 array contexts, and compiles', () => {
    expect(fieldCount(CANVAS_BUDGET)).toBeGreaterThan(2000);
    const doc = mappingDocumentSchema.parse(canvasDocument(CANVAS_BUDGET));
    expect(documentLinks(doc).filter((l) => l.kind === 'rule')).toHaveLength(500);
    expect(doc.rules.filter((r) => r.transforms.length > 0)).toHaveLength(150);
    expect(doc.arrays).toHaveLength(4);
    // Every link resolves to a field both schemas list.
    const fields = (schema: Record<string, unknown>) => {
      const out = new Set<string>();
      for (const [group, def] of Object.entries((schema as { properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }> }).properties)) {
        for (const name of Object.keys(def.properties ?? def.items!.properties)) out.add(`${group}.${name}`);
      }
      return out;
    };
    const src = fields(sideSchema('src', CANVAS_BUDGET));
    const tgt = fields(sideSchema('tgt', CANVAS_BUDGET));
    for (const link of documentLinks(doc).filter((l) => l.kind === 'rule')) {
      expect(tgt.has(link.targetNames.join('.'))).toBe(true);
      expect(src.has(link.sourceNames!.join('.'))).toBe(true);
    }
    expect(compileDocument(doc).expression.length).toBeGreaterThan(1000);
  });
});
