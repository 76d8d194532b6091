/**
 * Masking a sample FILE where files are read (the engine host in the studio):
 * the original is read, masked under the user's key and the project's policy,
 * and only the masked copy is written, atomically. What comes back is the
 * format, the report (masked examples only) and the size written, never the
 * original text, so the process that asked never holds personal data.
 */
import type { MaskingPolicy } from '../../document/document-schema';
import { MapwrightError } from '../../errors';
import { maskSample } from '../../masking/mask-sample';
import type { MaskReportEntry } from '../../masking/types';
import type { PayloadFormat } from '../../payload/types';
import { parseKeyText } from '../mask/key-file';
import { readInputFile, writeFileAtomic } from '../read-file';

/** What `maskFile` is asked for. Both paths are already access-checked by the caller. */
export interface MaskFileRequest {
  /** The original sample. */
  file: string;
  /** Name used in errors and format detection (the user's spelling); default `file`. */
  shownAs?: string;
  format?: PayloadFormat;
  /** The per-user masking key as hex (it crosses process boundaries as text). */
  key: string;
  /** The project document's `masking` field. */
  policy?: MaskingPolicy;
  /** Absolute path of the masked copy to write. */
  out: string;
}

/** What `maskFile` returns: nothing of the original text. */
export interface MaskFileResult {
  format: PayloadFormat;
  /** What was detected and masked, with masked examples only. */
  report: MaskReportEntry[];
  /** Size of the masked copy written to `out`, in bytes. */
  bytes: number;
}

/**
 * Reads `request.file`, masks it and writes only the masked copy to
 * `request.out`. Nothing is written when reading or masking fails.
 * @throws MapwrightError `MASK_KEY_INVALID`, `FILE_READ`, the format's parse code, `MASK_COLLISION`, `FILE_WRITE`
 */
export async function maskPayloadFile(request: MaskFileRequest): Promise<MaskFileResult> {
  // The key is a secret: its error names the role, never the text.
  const key = parseKeyText(request.key, 'the masking key');
  const shownAs = request.shownAs ?? request.file;
  try {
    const { text, report, format } = maskSample(await readInputFile(request.file), {
      key,
      file: shownAs,
      ...(request.policy ? { policy: request.policy } : {}),
      ...(request.format ? { format: request.format } : {}),
    });
    const bytes = new TextEncoder().encode(text);
    await writeFileAtomic(request.out, bytes);
    return { format, report, bytes: bytes.length };
  } catch (error) {
    throw error instanceof MapwrightError && error.code !== 'FILE_WRITE' ? error.withFile(shownAs) : error;
  }
}
