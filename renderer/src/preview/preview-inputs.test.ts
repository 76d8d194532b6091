import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { chosenInput, previewInputChoices } from './preview-inputs';

const doc = loadDocument(
  JSON.stringify({
    formatVersion: 1,
    name: 'preview inputs',
    source: { format: 'json', samples: ['samples/a.json'] },
    target: { format: 'json', samples: [] },
    tests: [{ name: 'first', input: 'tests/first.input.json', expected: 'tests/first.expected.json' }],
  }),
).document;

describe('previewInputChoices', () => {
  it('lists the samples, then the test inputs', () => {
    expect(previewInputChoices(doc).map((c) => [c.id, c.input])).toEqual([
      ['sample:0', { kind: 'sample', index: 0 }],
      ['test:0', { kind: 'test', index: 0 }],
    ]);
  });

  it('keeps a choice that exists and falls back to the first one otherwise', () => {
    const choices = previewInputChoices(doc);
    expect(chosenInput(choices, 'test:0')?.id).toBe('test:0');
    expect(chosenInput(choices, 'test:7')?.id).toBe('sample:0');
    expect(chosenInput([], undefined)).toBeUndefined();
  });
});
