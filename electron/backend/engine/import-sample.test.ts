/**
 * importSample with a payload host standing in for the engine host: the
 * masking and the preview go through the host, and what this process sends
 * it is paths, the key and the policy, never the sample's content.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalPayloadHost, type MaskFileRequest, type PayloadHost, type PreviewFileRequest } from '../../../mapping-engine/node/host/payload-host';
import type { ExpressionRunner } from '../../../mapping-engine/run/run-types';
import type { EngineContext } from './engine-context';
import { createFileAccess } from './file-access';
import { importSample } from './import-sample';

const repo = join(import.meta.dirname, '..', '..', '..');
const KEY = 'cd34'.repeat(16);
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A runner that is a payload host: it works in-process but records every request it gets. */
function recordingHost(): ExpressionRunner & PayloadHost & { masks: MaskFileRequest[]; previews: PreviewFileRequest[] } {
  const local = new LocalPayloadHost(() => {
    throw new Error('no runs expected');
  });
  const masks: MaskFileRequest[] = [];
  const previews: PreviewFileRequest[] = [];
  return {
    masks,
    previews,
    run: () => Promise.reject(new Error('no runs expected')),
    runFile: () => Promise.reject(new Error('no runs expected')),
    readPreview: (request) => (previews.push(request), local.readPreview(request)),
    maskFile: (request) => (masks.push(request), local.maskFile(request)),
  };
}

async function setup(content: string, name: string) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mapwright-import-')));
  temps.push(root);
  cpSync(join(repo, 'samples', 'crm-to-erp'), join(root, 'crm-to-erp'), { recursive: true });
  const project = join(root, 'crm-to-erp', 'crm-to-erp.mapwright.json');
  const picked = join(root, name);
  writeFileSync(picked, content);
  const keyFile = join(root, 'mask.key');
  writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
  const access = createFileAccess([], [join(root, 'crm-to-erp')]);
  await access.grantFile(picked);
  const host = recordingHost();
  const context: EngineContext = { access, runner: () => host, maskKeyFile: keyFile };
  return { root, project, picked, host, context };
}

describe('importSample through a payload host', () => {
  it('has the host mask the file into samples/ and previews the written copy through it', async () => {
    const emails = ['ada.quenzel@example.org', 'bert.quenzel@example.net'];
    const csv = ['id,email', ...emails.map((email, i) => `${i},${email}`)].join('\n');
    const { root, project, picked, host, context } = await setup(csv, 'people.csv');
    // The document as edited has a CSV source (the saved one a JSON source).
    const result = await importSample(context, { projectPath: project, side: 'source', file: picked, sideFormat: 'csv' });
    expect(result.relativePath).toBe('samples/people.csv');
    const out = join(root, 'crm-to-erp', 'samples', 'people.csv');
    expect(host.masks).toEqual([{ file: picked, shownAs: 'people.csv', key: KEY, policy: {}, out }]);
    const written = readFileSync(out, 'utf8');
    for (const email of emails) {
      expect(written).not.toContain(email);
      expect(JSON.stringify(result)).not.toContain(email);
    }
    // The preview was read by the host from the masked copy, not from the original.
    expect(host.previews).toEqual([{ file: out, shownAs: 'people.csv', format: 'csv', page: 0, pageSize: expect.any(Number) }]);
    expect(result.format).toBe('csv');
    expect(result.preview).toMatchObject({ format: 'csv', total: 2, totalExact: true });
    expect(JSON.parse(result.preview.records[1]!.text)).toEqual({ id: '1', email: written.trim().split('\n')[2]!.split(',')[1] });
    expect(result.report.find((entry) => entry.path === '[].email')).toMatchObject({ category: 'email', count: 2, masked: true });
  });

  it("refuses a sample of another format than the side's before writing anything", async () => {
    const { root, project, picked, host, context } = await setup('<customer><email>ada.quenzel@example.org</email></customer>', 'customer.xml');
    const refused = importSample(context, { projectPath: project, side: 'source', file: picked });
    await expect(refused).rejects.toMatchObject({ code: 'SAMPLE_INVALID', file: 'customer.xml' });
    await expect(refused).rejects.toThrow(/XML.*source is JSON/);
    expect(host.masks).toEqual([]);
    expect(existsSync(join(root, 'crm-to-erp', 'samples'))).toBe(false);
  });

  it('writes nothing when the host cannot read the sample', async () => {
    const { root, project, picked, context } = await setup('{"email": "ada.quenzel@example.org",', 'broken.json');
    await expect(importSample(context, { projectPath: project, side: 'source', file: picked })).rejects.toMatchObject({ code: 'JSON_PARSE', file: 'broken.json' });
    expect(existsSync(join(root, 'crm-to-erp', 'samples', 'broken.json'))).toBe(false);
  });
});
