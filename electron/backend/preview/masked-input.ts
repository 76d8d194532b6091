/**
 * The input the live preview maps, made safe to show. A source sample of the
 * document is the masked copy written when it was imported, so it is used as
 * it is. A test case's input may be a real payload (a consultant copied it in
 * by hand), so it is masked with the project's key and policy into a private
 * temporary folder, in the engine host when there is one, and only that
 * masked copy is run and previewed. Copies are kept per file version (path,
 * size, modification time, policy), so a preview per edit does not re-mask.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { resolveDocumentPath } from '../../../mapping-engine/document/document-paths';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { loadOrCreateKey } from '../../../mapping-engine/node/mask/key-file';
import { payloadHostOf } from '../../../mapping-engine/node/host/payload-host';
import type { PreviewInput } from '../../contract/methods/preview-methods';
import type { EngineContext } from '../engine/engine-context';

/** How many masked copies are kept before the oldest is removed. */
const MAX_COPIES = 32;

/** The resolved preview input: a file that may be shown, and how it was made so. */
export interface SafeInput {
  /** Absolute path of the file to run and preview (access-checked or a masked copy). */
  file: string;
  /** The name to show in errors (the document's spelling). */
  shownAs: string;
  masking: 'imported' | 'for-display';
  /** The fields the masker changed (for-display only): the user is shown these before the input. */
  maskedPaths: string[];
}

/** A masked copy and what was masked in it. */
interface MaskedCopy {
  file: string;
  maskedPaths: string[];
}

/** The key as hex text, the form it crosses to the engine host in. */
function toHex(key: Uint8Array): string {
  return Array.from(key, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Masks test inputs for display and remembers the copies. */
export class MaskedInputs {
  private folder: Promise<string> | undefined;
  private readonly copies = new Map<string, Promise<MaskedCopy>>();

  constructor(private readonly context: EngineContext) {}

  /**
   * The file for `input` of `document` (saved at `projectFile`).
   * @throws MapwrightError `NOT_FOUND` (no such sample or test), `USAGE` (a test case with no saved project), access and masking codes
   */
  async resolve(document: MappingDocument, projectFile: string | undefined, input: PreviewInput): Promise<SafeInput> {
    if (input.kind === 'sample') {
      const sample = document.source.samples[input.index];
      if (sample === undefined) throw new MapwrightError('NOT_FOUND', `the document has no source sample ${input.index + 1}`, { expected: `one of ${document.source.samples.length} samples` });
      const file = await this.context.access.checkRead(projectFile ? resolveDocumentPath(projectFile, sample) : sample, projectFile);
      return { file, shownAs: sample, masking: 'imported', maskedPaths: [] };
    }
    const test = document.tests[input.index];
    if (test === undefined) throw new MapwrightError('NOT_FOUND', `the document has no test case ${input.index + 1}`, { expected: `one of ${document.tests.length} test cases` });
    if (projectFile === undefined) throw new MapwrightError('USAGE', 'test inputs are found next to the project file', { expected: 'save the project first' });
    const original = await this.context.access.checkRead(resolveDocumentPath(projectFile, test.input), projectFile);
    const copy = await this.maskedCopy(original, test.input, document);
    return { file: copy.file, shownAs: test.input, masking: 'for-display', maskedPaths: copy.maskedPaths };
  }

  /** Removes every masked copy (the backend is closing). */
  async dispose(): Promise<void> {
    const folder = await this.folder?.catch(() => undefined);
    this.copies.clear();
    if (folder) await rm(folder, { recursive: true, force: true });
  }

  private async maskedCopy(original: string, shownAs: string, document: MappingDocument): Promise<MaskedCopy> {
    const info = await stat(original);
    const key = JSON.stringify([original, info.size, info.mtimeMs, document.masking ?? {}, document.source.format]);
    let copy = this.copies.get(key);
    if (!copy) {
      copy = this.mask(original, shownAs, document);
      this.copies.set(key, copy);
      // A failed masking is not remembered: the next preview tries again (the file may be fixed).
      copy.catch(() => this.copies.get(key) === copy && this.copies.delete(key));
      while (this.copies.size > MAX_COPIES) {
        const oldest = this.copies.keys().next().value as string;
        const gone = this.copies.get(oldest);
        this.copies.delete(oldest);
        void gone?.then((copy) => rm(copy.file, { force: true })).catch(() => undefined);
      }
    }
    return copy;
  }

  private async mask(original: string, shownAs: string, document: MappingDocument): Promise<MaskedCopy> {
    this.folder ??= mkdtemp(join(tmpdir(), 'mapwright-preview-'));
    const folder = await this.folder;
    const out = join(folder, `${this.copies.size}-${Date.now()}-${basename(original)}`);
    const { key } = await loadOrCreateKey(this.context.maskKeyFile, this.context.keyLocation);
    const { report } = await payloadHostOf(this.context.runner()).maskFile({
      file: original,
      shownAs: basename(shownAs),
      key: toHex(key),
      format: document.source.format,
      ...(document.masking ? { policy: document.masking } : {}),
      out,
    });
    // Only the masked copy is granted: the run and the preview read it like any project file.
    await this.context.access.grantFile(out);
    return { file: out, maskedPaths: report.filter((entry) => entry.masked).map((entry) => entry.path) };
  }
}
