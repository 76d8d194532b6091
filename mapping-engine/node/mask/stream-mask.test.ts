import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../../errors';
import { maskSample } from '../../masking/mask-sample';
import { streamMask } from './stream-mask';

const key = new TextEncoder().encode('stream-mask-test-key-0123456789!');
const FIRST = ['Anna', 'Jürgen', 'Sophie', 'Liam', 'Chloé', 'Pieter', 'Lucía', 'Mehmet', 'Ingrid', 'Tomasz'];
const LAST = ['Schmidt', 'Weiß', 'Dubois', 'García', 'de Vries', 'Kowalski', 'Nakamura', 'Olsen', 'Rossi', 'Novak'];

/** A CSV of `rows` customers: `;`, CRLF, BOM, quoted delimiters, doubled quotes and line breaks inside notes. */
function generateCsv(rows: number): string {
  const lines = ['Kundennummer;Vorname;Nachname;E-Mail;Telefon;Firma;Betrag;Produkt;Notiz'];
  const product = 'Edelstahl-Wasserkocher 1,7 l mit Kalkfilter, Temperaturwahl und Warmhaltefunktion (Modell WK-2200)'.repeat(3);
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const phone = `+49 30 ${String(1000000 + ((i * 7919) % 8999999))}`;
    const note = i % 3 === 0 ? `"Rückruf an ${phone}; bitte ""dringend""\r\nmail ${first.toLowerCase()}.${i}@kunde.de"` : i % 3 === 1 ? `${first} ${last} fragt nach Rechnung ${i}` : '';
    lines.push(`${100000 + i};${first};${last};${first.toLowerCase()}.${i}@kunde.de;${phone};"Müller; Söhne ${i % 50}";${(i % 997) + 0.5};"${product} #${i % 40}";${note}`);
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mapwright-stream-mask-'));
}

describe('streamMask', () => {
  it('masks a multi-MB CSV batch by batch exactly like the whole-file masking', async () => {
    const dir = tempDir();
    const file = join(dir, 'kunden.csv');
    const csv = generateCsv(8000);
    writeFileSync(file, csv);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2_500_000);
    const out = join(dir, 'masked.csv');
    const report = await streamMask({ file, format: 'csv', key, out, chunkSize: 100_000 });
    const streamed = readFileSync(out, 'utf8');
    const whole = maskSample(new Uint8Array(readFileSync(file)), { key, file });
    expect(streamed).toBe(whole.text);
    expect(report).toEqual(whole.report);
    expect(streamed.startsWith('\ufeffKundennummer;Vorname;Nachname;E-Mail;Telefon;Firma;Betrag;Produkt;Notiz\r\n')).toBe(true);
    expect(streamed).toContain(';"Müller; Söhne 7";');
    expect(streamed).not.toContain('@kunde.de');
    expect(streamed).not.toMatch(/Jürgen|Kowalski/);
    expect(readdirSync(dir).sort()).toEqual(['kunden.csv', 'masked.csv']);
  }, 60_000);

  it('masks JSON Lines like the whole-file masking and streams to a sink without --out', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.jsonl');
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, user: { login: `user${i}x`, email: `u${i}@corp.de` }, note: `ping u${i}@corp.de` }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    let text = '';
    const report = await streamMask({ file, format: 'jsonl', key, sink: (t) => void (text += t), chunkSize: 4096 });
    const whole = maskSample(new Uint8Array(readFileSync(file)), { key, file });
    expect(text).toBe(whole.text);
    expect(report.find((e) => e.path === '[].user.email')).toMatchObject({ category: 'email', count: 3000, masked: true });
    expect(text).not.toContain('@corp.de');
    expect(JSON.parse(text.split('\n')[5]!)).toMatchObject({ id: 5 });
  });

  it('leaves --out untouched and no temporary file behind when the input breaks midway', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.jsonl');
    const good = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ email: `u${i}@corp.de` }));
    writeFileSync(file, `${good.join('\n')}\n{"email": \n`);
    const out = join(dir, 'masked.jsonl');
    writeFileSync(out, 'previous content');
    const error = await streamMask({ file, format: 'jsonl', key, out }).catch((e: unknown) => e);
    expect(isMapwrightError(error) && error.code).toBe('JSONL_PARSE');
    expect(readFileSync(out, 'utf8')).toBe('previous content');
    expect(readdirSync(dir).sort()).toEqual(['broken.jsonl', 'masked.jsonl']);
  });

  it('writes the header of a CSV without rows', async () => {
    const dir = tempDir();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, 'Vorname,E-Mail\r\n');
    const out = join(dir, 'masked.csv');
    await streamMask({ file, format: 'csv', key, out });
    expect(existsSync(out) && readFileSync(out, 'utf8')).toBe('Vorname,E-Mail\r\n');
  });
});
