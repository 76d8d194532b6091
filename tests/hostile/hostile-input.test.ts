/**
 * Issue 11: hostile input never hangs and never says INTERNAL. Every
 * generated file (see hostile-generator.ts) goes through the CLI commands
 * that read its kind; each run must end within the limit, either fine or with
 * coded error lines that name a file of the case. Runs happen in child
 * processes that are killed at the limit, so a hang fails the test instead of
 * the suite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostileCase, HostileOutcome } from './hostile-case';
import { generateHostileCases, hostileArgv, writeHostileCases } from './hostile-generator';
import { runHostileJobs, type PoolJob } from './hostile-pool';

/** Liveness bound per run, from the issue: generous, and enforced by a hard kill. */
const RUN_LIMIT_MS = 10_000;
const LANES = 2;
const CODED_LINE = /^(?:note: .*|[A-Z][A-Z_]+ .+)$/;
/** `CODE <file>[:line[:column]]: message`: a location that is a file, not just `line N`. */
const NAMES_FILE = /^[A-Z][A-Z_]+ (?!line \d)[^\s:]+(?::\d+)*: /;

const cases = generateHostileCases();
let root = '';
let outcomes: HostileOutcome[] = [];
const jobCase: HostileCase[] = [];

/** What is wrong with one run's outcome, or undefined when it is fine. */
function problemOf(outcome: HostileOutcome, c: HostileCase): string | undefined {
  if (outcome.killed === 'timeout') return `hung (killed after ${RUN_LIMIT_MS} ms of CPU time)`;
  if (outcome.killed === 'crash') return 'its process died';
  if (outcome.err.includes('INTERNAL') || outcome.err.startsWith('THROWN')) return `internal error: ${outcome.err.slice(0, 300)}`;
  // `test` and `validate` exit 1 when a check failed: a finding about the mapping, printed as such.
  if (outcome.code === 0 || (outcome.code === 1 && ['test', 'validate'].includes(outcome.argv[0]!))) return undefined;
  const lines = outcome.err.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('created a masking key') && !line.startsWith('truncated:') && !line.startsWith('wrote '));
  if (lines.length === 0) return `exit ${outcome.code} without an error line`;
  const uncoded = lines.find((line) => !CODED_LINE.test(line));
  if (uncoded) return `uncoded line: ${uncoded.slice(0, 300)}`;
  // Each error line names the file it is about: a file of the case, or a file one of them refers to.
  const names = [c.file, ...Object.keys(c.companions ?? {}), 'common/small.json', 'common/small.xml', 'common/proto.json'].map((f) => basename(f));
  const unnamed = lines.find((line) => !line.startsWith('note: ') && !names.some((name) => line.includes(name)) && !NAMES_FILE.test(line));
  if (unnamed) return `error names no file: ${unnamed.slice(0, 300)}`;
  return undefined;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mapwright-hostile-'));
  writeHostileCases(root, cases);
  const jobs: PoolJob[] = [];
  // HOSTILE_ONLY=<text> runs only the files whose path contains it (for exploring; the count test still sees all).
  const only = process.env.HOSTILE_ONLY;
  for (const c of only ? cases.filter((x) => x.file.includes(only)) : cases) {
    for (const run of c.runs) {
      jobs.push({ file: c.file, argv: hostileArgv(root, c, run) });
      jobCase.push(c);
    }
  }
  outcomes = await runHostileJobs(jobs, LANES, RUN_LIMIT_MS);
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('hostile input', () => {
  it('generates at least 200 files over every format and schema kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const folders = new Set(cases.map((c) => c.file.split('/')[0]));
    expect([...folders].sort()).toEqual(['csv', 'documents', 'expressions', 'json', 'json-schema', 'jsonl', 'openapi', 'xml', 'xsd']);
  });

  it('ends every run in time, fine or with a coded error naming the file (never INTERNAL)', () => {
    const problems = outcomes.map((o, i) => ({ o, problem: problemOf(o, jobCase[i]!) })).filter((p) => p.problem !== undefined);
    // HOSTILE_REPORT=<file> writes every outcome (slowest first) and the problems, for exploring.
    const reportFile = process.env.HOSTILE_REPORT;
    if (reportFile) {
      const slowest = [...outcomes].sort((a, b) => b.ms - a.ms);
      const lines = [`${cases.length} files, ${outcomes.length} runs`, ...problems.map((p) => `PROBLEM ${p.o.argv.join(' ')}: ${p.problem}`), ...slowest.map((o) => `${Math.round(o.ms)} ms code ${o.code} ${o.argv.join(' ')} | ${o.err.slice(0, 200).replace(/\n/g, ' ')}`)];
      writeFileSync(reportFile, `${lines.join('\n')}\n`);
    }
    expect(problems.map((p) => `${p.o.argv.slice(0, 2).join(' ')} [${p.o.argv.slice(2).join(' ')}]: ${p.problem}`)).toEqual([]);
  });
});
