/** Hostile XML and CSV payloads: depth, attributes, columns, cells, entities, encodings, truncation. */
import type { HostileCase } from './hostile-case';
import { RUN, type RunArgs } from './hostile-case';
import { bom, latin1Bytes, randomBytes, randomWord, truncations, utf16NoBom, type Rng } from './hostile-text';

const MB = 1024 * 1024;

/** XML payload cases. */
export function xmlCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const runs = [RUN.infer, RUN.toJson, RUN.mask];
  const add = (file: string, content: string | Uint8Array, extra: RunArgs[] = []): void => void cases.push({ file: `xml/${file}`, content, runs: [...runs, ...extra] });
  const order = `<?xml version="1.0"?>\n<order id="1"><customer><name>Ann Smith</name><email>ann@example.com</email></customer>${Array.from({ length: 20 }, (_, i) => `<line n="${i}"><sku>${randomWord(rng, 6)}</sku><qty>${i}</qty></line>`).join('')}</order>\n`;

  for (const depth of [5000, 20000, 100000]) add(`deep-${depth}.xml`, `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`);
  add('deep-attrs-5000.xml', `${'<a b="1">'.repeat(5000)}${'</a>'.repeat(5000)}`, [RUN.evalInput]);
  add('attrs-100k.xml', `<r ${Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`);
  add('duplicate-attrs.xml', `<r ${Array.from({ length: 1000 }, () => 'a="1"').join(' ')}/>`);
  add('siblings-200k.xml', `<r>${'<i>v</i>'.repeat(200_000)}</r>`);
  add('huge-text-8mb.xml', `<r><name>${'n'.repeat(8 * MB)}</name></r>`);
  add('huge-attr-8mb.xml', `<r email="${'e'.repeat(8 * MB)}"/>`);
  add('huge-cdata.xml', `<r><![CDATA[${'c]'.repeat(4 * MB)}]]></r>`);
  add('huge-whitespace.xml', `<r>${' '.repeat(8 * MB)}</r>`);
  add('billion-laughs.xml', `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}\n]>\n<lolz>&lol9;</lolz>`);
  add('quadratic-blowup.xml', `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(50_000)}">]><r>${'&a;'.repeat(50_000)}</r>`);
  add('xxe-file.xml', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>');
  add('xxe-param.xml', '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><r/>');
  add('undefined-entity.xml', '<r>&nope;&#xFFFFFFFF;&#0;&#x110000;</r>');
  add('namespaces-10k.xml', `<r ${Array.from({ length: 10_000 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ')}><p9999:x/></r>`);
  add('unbound-prefix.xml', '<a:r><b:c/></a:r>');
  truncations(rng, order, 10).forEach((text, i) => add(`truncated-${i}.xml`, text));
  add('mismatched-tags.xml', '<a><b></a></b>');
  add('two-roots.xml', '<a/><b/>');
  add('unterminated-comment.xml', `<r><!-- ${'-'.repeat(100_000)}`);
  add('unterminated-pi.xml', `<?xml version="1.0"${' '.repeat(100_000)}`);
  add('bom-utf8.xml', bom('utf8', order));
  add('bom-utf16be.xml', bom('utf16be', order.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')));
  add('utf16-no-bom.xml', utf16NoBom(order));
  add('declared-latin1.xml', latin1Bytes('<?xml version="1.0" encoding="ISO-8859-1"?><r>M\u00fcller</r>'));
  add('declared-unknown-encoding.xml', '<?xml version="1.0" encoding="X-NOPE-9"?><r/>');
  add('lying-encoding.xml', latin1Bytes('<?xml version="1.0" encoding="UTF-8"?><r>\u00ff\u00fe</r>'));
  add('proto-elements.xml', '<__proto__ constructor="1"><prototype __proto__="x"><constructor><prototype>y</prototype></constructor></prototype></__proto__>', [RUN.evalInput]);
  add('random-bytes.xml', randomBytes(rng, 32 * 1024));
  add('invalid-names.xml', '<1a><-b/><a:b:c/></1a>');
  return cases;
}

/** CSV payload cases. */
export function csvCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const runs = [RUN.infer, RUN.toJson, RUN.mask, RUN.maskReport];
  const add = (file: string, content: string | Uint8Array): void => void cases.push({ file: `csv/${file}`, content, runs });
  const table = `id,name,email,phone\n${Array.from({ length: 30 }, (_, i) => `${i},${randomWord(rng, 5)} ${randomWord(rng, 6)},${randomWord(rng, 5)}@example.com,+1 555 0100`).join('\n')}\n`;

  add('columns-100k.csv', `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 100_000 }, (_, i) => i).join(',')}\n`);
  add('duplicate-headers.csv', `${Array.from({ length: 10_000 }, () => 'name').join(',')}\n${Array.from({ length: 10_000 }, () => 'x').join(',')}\n`);
  add('cell-50mb.csv', `name,email\n"${'b'.repeat(50 * MB)}",a@example.com\n`);
  add('cell-8mb-spaces.csv', `name,note\nAnn,"E${' '.repeat(8 * MB)}"\n`);
  add('rows-10k.csv', `id,email\n${Array.from({ length: 10_000 }, (_, i) => `${i},u${i}@example.com`).join('\n')}\n`);
  add('unterminated-quote.csv', `a,b\n"x,${'y'.repeat(100_000)}\n1,2\n`);
  add('quote-storm.csv', `a\n${'"'.repeat(1_000_001)}\n`);
  add('ragged-rows.csv', `a,b,c\n1\n1,2,3,4,5,6\n,,\n`);
  add('mixed-line-endings.csv', 'a,b\r\n1,2\r3,4\n5,6\r\n');
  add('delimiter-soup.csv', 'a;b\tc|d,e\n1;2\t3|4,5\n');
  add('header-only.csv', 'a,b,c');
  add('empty.csv', '');
  add('blank-lines.csv', '\n\n\n\n');
  add('bom-utf8.csv', bom('utf8', table));
  add('bom-utf16le.csv', bom('utf16le', table));
  add('latin1.csv', latin1Bytes('name,city\nJos\u00e9,M\u00fcnchen\n'));
  add('nul-bytes.csv', `a,b\n1\u0000,2\n`);
  add('proto-headers.csv', '__proto__,constructor,prototype,toString,hasOwnProperty\n1,2,3,4,5\n');
  add('dotted-proto-headers.csv', '__proto__.polluted,constructor.prototype.polluted,a.b\n1,2,3\n');
  truncations(rng, table, 6).forEach((text, i) => add(`truncated-${i}.csv`, `${text}"`));
  add('random-bytes.csv', randomBytes(rng, 32 * 1024));
  add('formula-cells.csv', 'name,v\n=cmd|\' /C calc\'!A0,@SUM(1+1)\n+1,-1\n');
  return cases;
}
