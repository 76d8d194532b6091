import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../../errors';
import type { MaskReportEntry } from '../../masking/types';
import { readPayload } from '../../payload/read-payload';
import { maskCommand, type MaskCommandOptions } from './mask-command';

const repo = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(repo, 'tests', 'fixtures');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-mask-'));
  const keyFile = join(dir, 'project.key');
  writeFileSync(keyFile, '5a'.repeat(32), { mode: 0o600 });
  const location = { env: { XDG_CONFIG_HOME: join(dir, 'config') }, platform: 'linux', home: dir };
  return { dir, keyFile, location };
}

async function run(file: string, options: MaskCommandOptions, location: ReturnType<typeof setup>['location']) {
  let out = '';
  let err = '';
  const code = await maskCommand(file, options, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, location);
  return { code, out, err };
}

describe('mapwright mask', () => {
  it('masks a SEPA message to stdout with a key file, keeping declaration and namespace', async () => {
    const { keyFile, location } = setup();
    const file = join(fixtures, 'corpus', 'xml', 'sepa', 'pain.001.001.03.xml');
    const { code, out, err } = await run(file, { keyFile }, location);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith('<?xml')).toBe(true);
    expect(out).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    for (const raw of ['DE87200500001234567890', 'Debtor Name', 'Creditor Name']) expect(out).not.toContain(raw);
    expect(out).toContain('6543.14');
    expect((await run(file, { keyFile }, location)).out).toBe(out);
  });

  it('creates a key beside the user settings when none is given and says where', async () => {
    const { dir, location } = setup();
    const out = join(dir, 'masked.csv');
    const { code, err } = await run(join(fixtures, 'masking', 'kunden.csv'), { out }, location);
    expect(code).toBe(0);
    expect(err).toContain(join(dir, 'config', 'mapwright', 'mask.key'));
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('Kundennummer;Vorname;Nachname;E-Mail;Telefon;PLZ;Ort;IBAN;Betrag;Waehrung;Notiz');
    expect(text).not.toContain('anna.schmidt@beispiel.de');
    expect((readPayload(text, { format: 'csv' }).value as unknown[]).length).toBe(3);
    expect((await run(join(fixtures, 'masking', 'kunden.csv'), { out }, location)).err).toBe('');
  });

  it('prints the report as JSON with --report and no raw values', async () => {
    const { keyFile, location } = setup();
    const { code, out } = await run(join(fixtures, 'corpus', 'json', 'shopify', 'order.json'), { keyFile, report: true, format: 'json' }, location);
    expect(code).toBe(0);
    const report = JSON.parse(out) as MaskReportEntry[];
    expect(report.find((e) => e.path === 'order.email')).toMatchObject({ category: 'email', masked: true });
    expect(out).not.toContain('bob.norman@hostmail.com');
  });

  it('edits JSON in place: only masked values change', async () => {
    const { keyFile, location } = setup();
    const file = join(fixtures, 'corpus', 'json', 'shopify', 'order.json');
    const { out } = await run(file, { keyFile }, location);
    const source = readFileSync(file, 'utf8');
    expect(out.split('\n')).toHaveLength(source.split('\n').length + (source.endsWith('\n') ? 0 : 1));
    expect(out).toContain('"total_price": "409.94"');
    expect(out).toContain('"tax_lines": [\n\n        ]');
    expect(out).not.toContain('bob.norman@hostmail.com');
  });

  it('rejects an unknown format and a bad key file with codes', async () => {
    const { dir, keyFile, location } = setup();
    const file = join(fixtures, 'masking', 'kunden.csv');
    const usage = await run(file, { keyFile, format: 'yaml' }, location).catch((e: unknown) => e);
    expect(isMapwrightError(usage) && usage.code).toBe('USAGE');
    const badKey = join(dir, 'bad.key');
    writeFileSync(badKey, 'nope');
    const invalid = await run(file, { keyFile: badKey }, location).catch((e: unknown) => e);
    expect(isMapwrightError(invalid) && invalid.code).toBe('MASK_KEY_INVALID');
  });

  it('streams CSV to --out and prints the whole report with --report', async () => {
    const { dir, keyFile, location } = setup();
    const file = join(dir, 'big.csv');
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},Person${i}x,p${i}@corp.de`);
    writeFileSync(file, `id,first_name,email\n${rows.join('\n')}\n`);
    const out = join(dir, 'masked.csv');
    const { code, out: stdout } = await run(file, { keyFile, out, report: true }, location);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as MaskReportEntry[];
    expect(report.find((e) => e.path === '[].email')).toMatchObject({ category: 'email', count: 2500 });
    const masked = readFileSync(out, 'utf8').split('\n');
    expect(masked[0]).toBe('id,first_name,email');
    expect(masked).toHaveLength(2502);
    expect(masked[2500]).toMatch(/^2499,[^,]+,[^,]+@example\.(com|org|net)$/);
    expect(masked.join('\n')).not.toContain('@corp.de');
  });

  it('streams JSON Lines to stdout and reports a missing file as FILE_READ before creating a key', async () => {
    const { dir, keyFile, location } = setup();
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, '{"email":"ann@corp.de","n":1}\n{"email":"bob@corp.de","n":2}\n');
    const { out } = await run(file, { keyFile }, location);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { email: string; n: number });
    expect(lines.map((l) => l.n)).toEqual([1, 2]);
    expect(lines[0]!.email).not.toBe(lines[1]!.email);
    expect(out).not.toContain('corp.de');
    const missing = await run(join(dir, 'nope.csv'), {}, location).catch((e: unknown) => e);
    expect(isMapwrightError(missing) && missing.code).toBe('FILE_READ');
    expect(existsSync(join(dir, 'config'))).toBe(false);
  });

  it('applies the masking policy of a project file with --project', async () => {
    const { dir, keyFile, location } = setup();
    const document = JSON.parse(readFileSync(join(repo, 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json'), 'utf8')) as Record<string, unknown>;
    const project = join(dir, 'p.mapwright.json');
    writeFileSync(project, JSON.stringify({ ...document, masking: { keepCategories: ['email'], fields: { '[].Kundennummer': 'always' } } }));
    const file = join(fixtures, 'masking', 'kunden.csv');
    const { out } = await run(file, { keyFile, project }, location);
    expect(out).toContain('anna.schmidt@beispiel.de');
    expect(out).not.toContain('Schmidt;');
    expect(out.split('\r\n')[1]).not.toMatch(/^1001;/);
    const broken = join(dir, 'broken.mapwright.json');
    writeFileSync(broken, '{"formatVersion": 1,');
    const error = await run(file, { keyFile, project: broken }, location).catch((e: unknown) => e);
    expect(isMapwrightError(error) && error.code).toMatch(/^(DOC_|JSON_)/);
  });
});
