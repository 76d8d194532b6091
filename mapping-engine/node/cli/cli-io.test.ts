import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');

/** Runs the real `mapwright` binary and closes its stdout after the first chunk, as `| head -1` does. */
function runUntilFirstChunk(argv: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'bin', 'mapwright.mjs'), ...argv], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, err }));
  });
}

describe('a closed stdout', () => {
  it('ends the CLI quietly: no unhandled EPIPE, no stack trace, exit code 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-epipe-'));
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, `id,name\n${Array.from({ length: 200_000 }, (_, i) => `${i},name ${i}`).join('\n')}\n`);
    const { code, signal, err } = await runUntilFirstChunk(['convert', csv, '--to', 'json']);
    expect(err).not.toMatch(/EPIPE|Error|at /);
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });
});
