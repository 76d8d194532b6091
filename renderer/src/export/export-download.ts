/**
 * Turns an export into a file the user keeps. The studio offers it as a
 * download (a Blob behind an object URL and an `<a download>` link) in both
 * hosts: a browser saves it as any download, and Electron shows its save
 * dialog for downloads, so no extra native round trip is needed.
 */
import type { ExportedSpec } from '../../../electron/contract/methods/export-methods';

/** Longest file name offered; file systems commonly stop at 255 bytes. */
const MAX_NAME_CHARS = 180;

/** Decodes base64 to bytes (`atob` exists in browsers and in Node). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The export's content as a Blob of its media type. */
export function exportBlob(exported: ExportedSpec): Blob {
  const part = exported.encoding === 'base64' ? base64ToBytes(exported.content) : exported.content;
  return new Blob([part], { type: exported.mediaType });
}

/**
 * A file name safe to offer: the backend's suggestion without folders,
 * control or reserved characters, or leading dots, shortened keeping its
 * extension; `fallback` when nothing is left.
 */
export function downloadName(fileName: string, fallback = 'mapping-export'): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  let name = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').trim();
  if (name.length > MAX_NAME_CHARS) {
    const dot = name.indexOf('.', Math.max(0, name.length - 20));
    const extension = dot > 0 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_CHARS - extension.length) + extension;
  }
  return name === '' ? fallback : name;
}

/** What {@link offerDownload} uses of the page (a parameter so tests can pass a fake). */
export interface DownloadHost {
  document: Pick<Document, 'createElement' | 'body'>;
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * Offers `blob` as a download named `fileName`. The object URL is revoked a
 * little later, not at once: the browser starts reading it after the click.
 */
export function offerDownload(blob: Blob, fileName: string, host: DownloadHost = window): void {
  const url = host.URL.createObjectURL(blob);
  const link = host.document.createElement('a');
  link.href = url;
  link.download = downloadName(fileName);
  link.rel = 'noopener';
  link.hidden = true;
  host.document.body.append(link);
  link.click();
  link.remove();
  host.setTimeout(() => host.URL.revokeObjectURL(url), 60_000);
}
