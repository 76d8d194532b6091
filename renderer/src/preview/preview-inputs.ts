/**
 * The inputs the live preview can map, read from the document: its source
 * samples (masked when they were imported) and its test cases' inputs
 * (masked for display by the backend before they are shown).
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { PreviewInput } from '../../../electron/contract/methods/preview-methods';

/** One entry of the preview input picker. */
export interface PreviewInputChoice {
  /** Stable key for the picker (`sample:0`, `test:2`). */
  id: string;
  input: PreviewInput;
  label: string;
}

/** The picker's entries for `doc`: samples first, then test inputs. */
export function previewInputChoices(doc: MappingDocument | undefined): PreviewInputChoice[] {
  if (!doc) return [];
  const samples = doc.source.samples.map((file, index): PreviewInputChoice => ({ id: `sample:${index}`, input: { kind: 'sample', index }, label: `Sample: ${file}` }));
  const tests = doc.tests.map((test, index): PreviewInputChoice => ({ id: `test:${index}`, input: { kind: 'test', index }, label: `Test: ${test.name}` }));
  return [...samples, ...tests];
}

/**
 * The choice to preview: the one chosen when it still exists, else the first
 * sample, else the first test input (the picker lists no unmasked default).
 */
export function chosenInput(choices: readonly PreviewInputChoice[], chosen: string | undefined): PreviewInputChoice | undefined {
  return choices.find((c) => c.id === chosen) ?? choices[0];
}
