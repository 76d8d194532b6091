/** Hostile JSON and JSON Lines payloads: size, depth, width, encodings, truncation, prototype keys. */
import type { HostileCase } from './hostile-case';
import { RUN, type RunArgs } from './hostile-case';
import { bom, latin1Bytes, randomBytes, randomWord, truncations, type Rng } from './hostile-text';

const MB = 1024 * 1024;
const PAYLOAD_RUNS = [RUN.infer, RUN.toXml, RUN.mask];

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function deepObject(depth: number, key = 'a'): string {
  return `${`{"${key}":`.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

function wideObject(rng: Rng, keys: number): string {
  const parts: string[] = [];
  for (let i = 0; i < keys; i++) parts.push(`"${randomWord(rng, 6)}${i}":${i % 3 === 0 ? `"${randomWord(rng, 4)}"` : i}`);
  return `{${parts.join(',')}}`;
}

/** A realistic record to cut and corrupt. */
function person(rng: Rng, i: number): Record<string, unknown> {
  return {
    id: i,
    name: `${randomWord(rng, 5)} ${randomWord(rng, 7)}`,
    email: `${randomWord(rng, 6)}@example.com`,
    phone: '+44 20 7946 0958',
    born: '1984-02-29',
    address: { street: `${i} ${randomWord(rng, 8)} Road`, city: randomWord(rng, 6), tags: [randomWord(rng, 3), null, true, 1.5e300] },
  };
}

/** JSON payload cases. */
export function jsonCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (file: string, content: string | Uint8Array, runs: RunArgs[] = PAYLOAD_RUNS): void => void cases.push({ file: `json/${file}`, content, runs });
  const records = JSON.stringify(Array.from({ length: 50 }, (_, i) => person(rng, i)));

  add('huge-string-8mb.json', `{"note":"${'x'.repeat(8 * MB)}"}`);
  add('huge-string-50mb.json', `{"name":"${'a '.repeat(25 * MB)}"}`, [RUN.mask, RUN.infer]);
  add('huge-whitespace-string.json', `{"s":"E${' '.repeat(4 * MB)}"}`);
  add('huge-key.json', `{"${'k'.repeat(4 * MB)}":1}`);
  add('huge-number-digits.json', `{"n":${'9'.repeat(1 * MB)}}`);
  add('number-overflow.json', '{"a":1e999999,"b":-1e999999,"c":-0,"d":4.9e-400}');
  for (const depth of [1000, 5000, 20000, 100000]) {
    add(`deep-array-${depth}.json`, deepArray(depth));
    add(`deep-object-${depth}.json`, deepObject(depth));
  }
  add('deep-mixed-5000.json', `${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}`, [...PAYLOAD_RUNS, RUN.evalInput]);
  add('deep-email-5000.json', deepObject(5000, 'email'));
  add('wide-200k-keys.json', wideObject(rng, 200_000));
  add('wide-500k-array.json', `[${Array.from({ length: 500_000 }, (_, i) => i % 10).join(',')}]`);
  add('many-records-20k.json', `[${Array.from({ length: 20_000 }, (_, i) => `{"id":${i},"email":"u${i}@example.com"}`).join(',')}]`);
  add('duplicate-keys.json', `{${Array.from({ length: 10000 }, (_, i) => `"k":${i}`).join(',')}}`);
  add('proto-keys.json', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1,"toString":"x","hasOwnProperty":2}', [...PAYLOAD_RUNS, RUN.evalInput, RUN.toCsv]);
  add('proto-array.json', '[{"__proto__":{"a":1}},{"constructor":"c","valueOf":"v"}]', [...PAYLOAD_RUNS, RUN.toCsv]);
  truncations(rng, records, 12).forEach((text, i) => add(`truncated-${i}.json`, text));
  add('empty.json', '');
  add('whitespace-only.json', ' \n\t '.repeat(1000));
  add('bom-utf8.json', bom('utf8', records));
  add('bom-utf16le.json', bom('utf16le', records));
  add('bom-utf16be.json', bom('utf16be', records));
  add('bom-utf32le.json', Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]));
  add('double-bom.json', `\uFEFF\uFEFF${records}`);
  add('latin1-bytes.json', latin1Bytes('{"name":"Jos\u00e9 M\u00fcller \u00ff"}'));
  add('invalid-utf8.json', Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x22, 0x7d]));
  add('lone-surrogates.json', '{"a":"\\ud800","b":"\\udc00x","\\ud83d":1}');
  add('nul-bytes.json', `{"a":"x\u0000y"}\u0000\u0000`);
  add('random-bytes.bin.json', randomBytes(rng, 64 * 1024));
  add('not-json-html.json', '<!doctype html><html><body>oops</body></html>');
  add('control-chars.json', `{"a":"${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}"}`);
  return cases;
}

/** JSON Lines payload cases. */
export function jsonlCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const runs = [RUN.infer, RUN.toJson, RUN.mask];
  const add = (file: string, content: string | Uint8Array): void => void cases.push({ file: `jsonl/${file}`, content, runs });
  const line = (i: number): string => JSON.stringify(person(rng, i));
  add('deep-lines.jsonl', `${deepObject(5000)}\n${deepArray(100000)}\n`);
  add('huge-line-8mb.jsonl', `{"a":"${'y'.repeat(8 * MB)}"}\n{"a":1}\n`);
  add('many-lines-10k.jsonl', Array.from({ length: 10_000 }, (_, i) => `{"i":${i},"email":"a${i}@example.com"}`).join('\n'));
  add('wide-line.jsonl', `${wideObject(rng, 100_000)}\n`);
  add('bad-line-middle.jsonl', `${line(1)}\n${line(2)}\n{"a":\n${line(3)}\n`);
  add('truncated-last.jsonl', `${line(1)}\n${line(2).slice(0, 20)}`);
  add('mixed-types.jsonl', '1\n"s"\n[1,2]\nnull\n{"a":1}\ntrue\n');
  add('blank-and-crlf.jsonl', `\r\n\r\n${line(1)}\r\n\r\n\r\n${line(2)}\r`);
  add('bom-utf16le.jsonl', bom('utf16le', `${line(1)}\n${line(2)}\n`));
  add('proto-lines.jsonl', '{"__proto__":{"x":1}}\n{"constructor":{"prototype":{"x":1}}}\n');
  add('garbage.jsonl', randomBytes(rng, 32 * 1024));
  add('only-newlines.jsonl', '\n'.repeat(100_000));
  return cases;
}
