import { describe, expect, it } from 'vitest';
import { previewRunInput } from './run-input';

describe('previewRunInput', () => {
  it("prefers the first test case's input", () => {
    const doc = { source: { samples: ['source/a.json'] }, tests: [{ name: 't', input: 'tests/one.json' }, { name: 'u', input: 'tests/two.json' }] };
    expect(previewRunInput(JSON.stringify(doc))).toEqual({ inputFile: 'tests/one.json' });
  });

  it('falls back to the first source sample, then to nothing', () => {
    expect(previewRunInput(JSON.stringify({ source: { samples: ['source/a.json'] }, tests: [] }))).toEqual({ sampleIndex: 0 });
    expect(previewRunInput(JSON.stringify({ source: { samples: [] } }))).toBeUndefined();
    expect(previewRunInput('{ not json')).toBeUndefined();
    expect(previewRunInput('null')).toBeUndefined();
  });
});
