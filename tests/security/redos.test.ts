/**
 * A target schema whose `pattern` backtracks for ever (`^(a+)+$` against
 * "aaaa…ab"), and a `replace` transform with such a regex, against the web
 * host as `npm run web` starts it (engine host in a child process) and
 * against the CLI: the host keeps answering while the run is stopped with a
 * coded error, and `mapwright run` returns with one instead of never.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHostClient } from '../../mapping-engine/node/host/engine-host-client';
import { forkEngineHost } from '../../mapping-engine/node/host/fork-host';
import { createHttpStudioClient } from '../../renderer/src/api/http-studio-client';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { runCli } from '../helpers/run-cli';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'mapwright-redos-'));
const evil = `${'a'.repeat(44)}b`;

/** Writes a project whose target schema carries `pattern` on `code`, with `rules`; returns its path. */
function project(name: string, pattern: string, rules: unknown[]): string {
  writeFileSync(join(dir, 'input.json'), JSON.stringify({ code: evil }));
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern } } }));
  const file = join(dir, `${name}.mapwright.json`);
  const doc = {
    formatVersion: 1,
    name,
    source: { format: 'json', samples: ['input.json'] },
    target: { format: 'json', schema: { file: `${name}.schema.json` }, samples: [] },
    arrays: [],
    rules,
    tests: [],
    layout: { nodes: {} },
  };
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

const schemaPattern = project('schema-pattern', '^(a+)+$', [{ target: 'code', sources: ['code'] }]);
const replaceRegex = project('replace-regex', '.*', [{ target: 'code', sources: ['code'], transforms: [{ kind: 'replace', pattern: '^(a+)+$', replacement: 'x', regex: true }] }]);

let host: WebHost;
let runner: EngineHostClient;

beforeAll(async () => {
  // As `npm run web` runs it (electron/web/serve-web.ts): the pool in an engine host process.
  runner = new EngineHostClient(() => forkEngineHost());
  host = await startWebHost({ samplesDir, appVersion: '0.0.0-test', runner, readRoots: [dir], settingsDir: join(dir, 'settings') });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await runner?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a run of `file` on its sample, and while it runs times getAppInfo; gives the final status and every latency seen while running. */
async function runWhileTimingAppInfo(file: string): Promise<{ state: string; code: string | undefined; latencies: number[] }> {
  const client = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: host.token });
  const started = await client.startRun({ projectPath: file, text: readFileSync(file, 'utf8'), sampleIndex: 0 });
  if (!started.ok) throw new Error(`startRun failed: ${started.error.code} ${started.error.message}`);
  const latencies: number[] = [];
  for (;;) {
    const status = await client.pollRun(started.value.runId);
    if (!status.ok) throw new Error(`pollRun failed: ${status.error.code}`);
    if (status.value.state !== 'running') return { state: status.value.state, code: status.value.error?.code, latencies };
    const asked = performance.now();
    const info = await client.getAppInfo();
    latencies.push(performance.now() - asked);
    expect(info.ok).toBe(true);
  }
}

describe('ReDoS: a runaway user regex never stalls the web host, and every run ends with a code', () => {
  it('a target schema pattern: getAppInfo answers in under 1 s throughout, the run fails with VALIDATION_TIMEOUT', async () => {
    const { state, code, latencies } = await runWhileTimingAppInfo(schemaPattern);
    expect([state, code]).toEqual(['failed', 'VALIDATION_TIMEOUT']);
    // The run lasts its 5 s limit; the host was asked many times meanwhile.
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  }, 60_000);

  it('a replace transform regex: getAppInfo answers in under 1 s throughout, the run fails with RUN_TIMEOUT', async () => {
    const { state, code, latencies } = await runWhileTimingAppInfo(replaceRegex);
    expect([state, code]).toEqual(['failed', 'RUN_TIMEOUT']);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  }, 60_000);

  it('mapwright run on the same projects returns with the coded error (exit 1)', async () => {
    const input = join(dir, 'input.json');
    const validation = await runCli('run', schemaPattern, '--input', input);
    expect(validation.code).toBe(1);
    expect(validation.err).toMatch(/^VALIDATION_TIMEOUT /);
    expect(validation.out).toBe('');
    const transform = await runCli('run', replaceRegex, '--input', input);
    expect(transform.code).toBe(1);
    expect(transform.err).toMatch(/^RUN_TIMEOUT /);
  }, 60_000);
});
