import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportedSpec } from '../../../electron/contract/methods/export-methods';
import { base64ToBytes, downloadName, exportBlob, offerDownload, type DownloadHost } from './export-download';

describe('exportBlob', () => {
  it('decodes a base64 export to its exact bytes, with the media type', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 127, 128, 254, 255, 80, 75]);
    const exported: ExportedSpec = { fileName: 'a.xlsx', mediaType: 'application/octet-stream', encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
    const blob = exportBlob(exported);
    expect(blob.type).toBe('application/octet-stream');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('keeps a real workbook intact through base64 and the Blob', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Fields').addRow(['Target', 'customerNumber']);
    const original = new Uint8Array(await workbook.xlsx.writeBuffer());
    const blob = exportBlob({ fileName: 'x.xlsx', mediaType: 'application/vnd.ms-excel', encoding: 'base64', content: Buffer.from(original).toString('base64') });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await blob.arrayBuffer());
    expect(back.getWorksheet('Fields')!.getCell('B1').text).toBe('customerNumber');
  });

  it('encodes text exports as UTF-8', async () => {
    const blob = exportBlob({ fileName: 'a.md', mediaType: 'text/markdown;charset=utf-8', encoding: 'utf8', content: 'Straße → ✓' });
    expect(await blob.text()).toBe('Straße → ✓');
    expect(blob.size).toBe(new TextEncoder().encode('Straße → ✓').byteLength);
  });

  it('rejects text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});

describe('downloadName', () => {
  it('keeps an ordinary name', () => {
    expect(downloadName('crm-to-erp-spec.xlsx')).toBe('crm-to-erp-spec.xlsx');
  });

  it('drops folders, reserved and control characters and leading dots', () => {
    expect(downloadName('../../etc/passwd')).toBe('passwd');
    expect(downloadName('C:\\temp\\a:b?.md')).toBe('a_b_.md');
    expect(downloadName('..hidden\u0000.md')).toBe('hidden_.md');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = downloadName(`${'x'.repeat(400)}-spec.xlsx`);
    expect(name.length).toBe(180);
    expect(name).toMatch(/^x+\.xlsx$/);
    // A compound extension survives whole.
    expect(downloadName(`${'y'.repeat(400)}.mapwright.json`)).toMatch(/^y{165}\.mapwright\.json$/);
  });

  it('falls back when nothing is left', () => {
    expect(downloadName('...')).toBe('mapping-export');
    expect(downloadName('/')).toBe('mapping-export');
  });
});

describe('offerDownload', () => {
  it('clicks a hidden download link to an object URL and revokes the URL later', () => {
    const events: string[] = [];
    let scheduled: (() => void) | undefined;
    const link = {
      href: '',
      download: '',
      rel: '',
      hidden: false,
      click: () => events.push(`click ${link.href} as ${link.download}`),
      remove: () => events.push('remove'),
    };
    const host = {
      document: { createElement: () => link, body: { append: () => events.push('append') } },
      URL: { createObjectURL: () => 'blob:studio/1', revokeObjectURL: (url: string) => events.push(`revoke ${url}`) },
      setTimeout: (callback: () => void) => {
        scheduled = callback;
      },
    } as unknown as DownloadHost;
    offerDownload(new Blob(['x']), '../spec.md', host);
    expect(link.hidden).toBe(true);
    expect(events).toEqual(['append', 'click blob:studio/1 as spec.md', 'remove']);
    scheduled!();
    expect(events.at(-1)).toBe('revoke blob:studio/1');
  });
});
