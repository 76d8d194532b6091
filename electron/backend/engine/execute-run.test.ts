/**
 * A preview run whose input is read and evaluated in a forked engine host
 * gives the outcome the in-process pool gives, for every sample project
 * (JSON, CSV and XML sources; JSON, XML and CSV targets), and fails with the
 * same coded errors.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHostClient } from '../../../mapping-engine/node/host/engine-host-client';
import { forkEngineHost } from '../../../mapping-engine/node/host/fork-host';
import { RunnerPool } from '../../../mapping-engine/node/runner/runner-pool';
import type { ExpressionRunner } from '../../../mapping-engine/run/run-types';
import type { RunOutcome, StartRunRequest } from '../../contract/methods/engine-methods';
import type { EngineContext } from './engine-context';
import { executeRun } from './execute-run';
import { createFileAccess } from './file-access';

const repo = join(import.meta.dirname, '..', '..', '..');
const PROJECTS = ['crm-to-erp', 'invoice-csv-to-xml', 'po-xml-to-json', 'shipment-to-csv'];
let root: string;
let pool: RunnerPool;
let host: EngineHostClient;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mapwright-execute-run-'));
  cpSync(join(repo, 'samples'), join(root, 'samples'), { recursive: true });
  pool = new RunnerPool({ size: 1 });
  host = new EngineHostClient(() => forkEngineHost({ poolSize: 1 }));
});

afterAll(async () => {
  await Promise.all([pool.close(), host.close()]);
  rmSync(root, { recursive: true, force: true });
});

function context(runner: ExpressionRunner): EngineContext {
  return { access: createFileAccess([join(root, 'samples')]), runner: () => runner };
}

function request(project: string, extra: Partial<StartRunRequest> = {}): StartRunRequest {
  const projectPath = join(root, 'samples', project, `${project}.mapwright.json`);
  return { projectPath, text: readFileSync(projectPath, 'utf8'), sampleIndex: 0, ...extra } as StartRunRequest;
}

/** The outcome without its timings, which differ from run to run. */
async function outcome(runner: ExpressionRunner, runRequest: StartRunRequest): Promise<Omit<RunOutcome, 'timings'>> {
  const { timings, ...rest } = await executeRun(context(runner), runRequest, new AbortController().signal, () => undefined);
  expect(Object.keys(timings)).toEqual(expect.arrayContaining(['compileMs', 'readMs', 'evalMs', 'writeMs', 'validateMs']));
  return rest;
}

describe('executeRun through an engine host', () => {
  it.each(PROJECTS)('gives the in-process outcome for the %s sample', async (project) => {
    const local = await outcome(pool, request(project));
    expect(local.outputText.length).toBeGreaterThan(0);
    expect(await outcome(host, request(project))).toEqual(local);
  });

  it('places a required field without a value on its field either way', async () => {
    const runRequest = request('crm-to-erp', { inputFile: 'tests/missing-name.input.json' });
    const remote = await outcome(host, runRequest);
    expect(remote.fieldErrors).toEqual([expect.objectContaining({ field: 'firstName', code: 'RUN_EVALUATION' })]);
    expect(remote).toEqual(await outcome(pool, runRequest));
  });

  it('fails with the parse error of an unreadable input, naming the file', async () => {
    writeFileSync(join(root, 'samples', 'crm-to-erp', 'broken.json'), '{"accountId": ');
    const runRequest = request('crm-to-erp', { inputFile: 'broken.json' });
    const expected = { name: 'MapwrightError', code: 'JSON_PARSE', file: 'broken.json' };
    await expect(executeRun(context(host), runRequest, new AbortController().signal, () => undefined)).rejects.toMatchObject(expected);
    await expect(executeRun(context(pool), runRequest, new AbortController().signal, () => undefined)).rejects.toMatchObject(expected);
  });
});
