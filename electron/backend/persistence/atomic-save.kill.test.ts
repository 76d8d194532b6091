/**
 * The promise of atomic save, tested the hard way: a real child process
 * saves a large project over and over and is killed with SIGKILL at several
 * moments. After every kill the project is the complete old or the complete
 * new content, and a leftover temp file is never taken for the project.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const SIZE = 16 * 1024 * 1024;
const content = (tag: string) => `BEGIN ${tag}\n${tag.repeat(SIZE)}\nEND ${tag}\n`;
const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const root = mkdtempSync(join(tmpdir(), 'mapwright-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The child saves B, A, B, ... through the real saveFileAtomic; the same content function as above.
const childScript = join(root, 'save-loop.mts');
writeFileSync(
  childScript,
  `import { saveFileAtomic } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'atomic-save.ts')).href)};
const target = process.argv[2];
const content = (tag) => \`BEGIN \${tag}\\n\${tag.repeat(${SIZE})}\\nEND \${tag}\\n\`;
const versions = [content('B'), content('A')];
process.stdout.write('ready\\n');
for (let i = 0; ; i++) {
  await saveFileAtomic(target, versions[i % 2], { backup: true });
  process.stdout.write('saved\\n');
}
`,
);

/**
 * Starts the child, waits for its `after` line (ready to save, or a first
 * save done), lets it go on for `delayMs`, then kills it; resolves with how
 * many saves finished.
 */
function runAndKill(target: string, after: 'ready' | 'saved', delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, target], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!killTimer && out.includes(after)) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${errors}`));
      else resolve(out.split('\n').filter((line) => line === 'saved').length);
    });
  });
}

describe('saveFileAtomic under a killed writer', () => {
  it('leaves the complete old or new content after SIGKILL at any moment', { timeout: 120_000 }, async () => {
    const dir = join(root, 'project');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const target = join(dir, 'big.mapwright.json');
    writeFileSync(target, content('A'));
    const complete = new Set([hash(content('A')), hash(content('B'))]);
    let interrupted = 0;
    let completedRuns = 0;

    // Kills spread over the first save (when most of the time goes to writing the temp file and the
    // .bak), then kills after a completed save, so the file on disk is sometimes the new version.
    const moments = [0, 3, 7, 12, 18, 25, 33, 42, 55, 70, 90, 120, 160, 220].map((ms) => ['ready', ms] as const);
    for (const [after, delayMs] of [...moments, ['saved', 0] as const, ['saved', 25] as const, ['saved', 60] as const]) {
      const saves = await runAndKill(target, after, delayMs);
      const now = hash(readFileSync(target));
      expect(complete.has(now), `after a kill ${delayMs} ms after ${after} (${saves} saves done) the project is truncated`).toBe(true);
      // Killed before its first backup, there is no .bak yet; once there is one, it is complete.
      if (existsSync(`${target}.bak`)) expect(complete.has(hash(readFileSync(`${target}.bak`))), 'the .bak is a complete earlier version').toBe(true);

      const names = readdirSync(dir);
      const temps = names.filter((n) => n !== 'big.mapwright.json' && n !== 'big.mapwright.json.bak');
      // Anything else is a hidden temp named for its target: never mistaken for, nor listed as, a project file.
      for (const name of temps) expect(name).toMatch(/^\.big\.mapwright\.json(\.bak)?\.\d+\.[0-9a-f]{12}\.tmp$/);
      if (temps.length > 0) interrupted++;
      if (saves > 0) completedRuns++;
      for (const name of temps) rmSync(join(dir, name));
    }
    // Proof the kills did land mid-write (a temp was left behind), and that saves did complete in between.
    expect(interrupted).toBeGreaterThan(0);
    expect(completedRuns).toBeGreaterThan(0);
  });
});
