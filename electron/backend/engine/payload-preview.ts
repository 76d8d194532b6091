/**
 * A page of a payload's records for the UI, with counts: the renderer gets a
 * slice, never the whole payload (see mapping-engine/node/host/preview-page.ts
 * for what a record is). The file is read and cut by a payload host: the
 * engine host process when the backend has one, so the main process never
 * parses a big file, else the same code in this process.
 */
import { payloadHostOf, type PayloadHost } from '../../../mapping-engine/node/host/payload-host';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import type { PayloadPreview } from '../../contract/methods/engine-methods';

// Existing callers (import-sample, execute-run, tests) keep importing these from here.
export { cutText, DEFAULT_PAGE_SIZE, previewPage, RECORD_TEXT_LIMIT, recordsOf } from '../../../mapping-engine/node/host/preview-page';

/** Options of {@link readPayloadPreview}. */
export interface PayloadPreviewOptions {
  format?: PayloadFormat;
  page?: number;
  pageSize?: number;
  /** Where the file is read (e.g. an engine host client); in this process when absent. */
  host?: PayloadHost;
}

/**
 * Reads one page of the payload at `path` (already access-checked). The
 * reader stops after the records the page needs (CSV and JSON Lines do not
 * even parse the rest).
 * @param shownAs the file name used in errors
 * @throws MapwrightError `FILE_READ`, the format's parse code, or `RUN_HOST_CRASHED` from a host
 */
export async function readPayloadPreview(path: string, shownAs: string, options: PayloadPreviewOptions = {}): Promise<PayloadPreview> {
  const host = options.host ?? payloadHostOf(undefined);
  return host.readPreview({
    file: path,
    shownAs,
    ...(options.format ? { format: options.format } : {}),
    ...(options.page !== undefined ? { page: options.page } : {}),
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
  });
}
