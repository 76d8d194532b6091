/** Hostile mapping documents (`*.mapwright.json`) and JSONata expressions for `eval`. */
import type { HostileCase } from './hostile-case';
import { RUN, type RunArgs } from './hostile-case';
import { deepSchemaText } from './generate-schemas';
import { bom, randomWord, truncations, type Rng } from './hostile-text';

const DOC_RUNS = [RUN.validate, RUN.exportMd, RUN.exportJsonata, RUN.compile];
const CATASTROPHIC = '^(a+)+$';

/** A small valid document; `patch` replaces top-level members. */
function doc(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formatVersion: 1,
    name: 'hostile',
    source: { format: 'json', samples: ['source.json'] },
    target: { format: 'json', schema: { inline: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } }, samples: [] },
    rules: [
      { target: 'id', sources: ['id'] },
      { target: 'name', sources: ['name'], transforms: [{ kind: 'trim' }] },
    ],
    tests: [{ name: 'one', input: 'source.json', expected: 'expected.json' }],
    ...patch,
  };
}

const SOURCE = '{"id":"7","name":" Ann "}';
const COMPANIONS = { 'documents/source.json': SOURCE, 'documents/expected.json': '{"id":"7","name":"Ann"}' };

/** Mapping document cases. */
export function documentCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, content: string | Uint8Array | Record<string, unknown>, extra: Record<string, string> = {}, runs: RunArgs[] = DOC_RUNS): void =>
    void cases.push({ file: `documents/${name}.mapwright.json`, content: content instanceof Uint8Array || typeof content === 'string' ? content : JSON.stringify(content), companions: { ...COMPANIONS, ...extra }, runs });
  const rule = (target: string, sources = ['id']): Record<string, unknown> => ({ target, sources });
  for (const target of ['constructor.prototype.x', '__proto__', '__proto__.polluted', 'prototype', 'a.constructor', 'constructor', 'x.__proto__.y', '`__proto__`']) {
    add(`proto-target-${target.replace(/[^a-z]/gi, '-')}`, doc({ rules: [rule(target)] }), {}, [...DOC_RUNS, ['export', '{f}', '--spec', 'csv']]);
  }
  for (const source of ['constructor.prototype', '__proto__', '../__proto__.x', '/constructor']) add(`proto-source-${source.replace(/[^a-z]/gi, '-')}`, doc({ rules: [rule('id', [source])] }));
  add('proto-lookup', doc({ lookups: { constructor: { entries: { a: 'b' } } }, rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'lookup', table: 'constructor' }] }] }));
  add('proto-lookup-missing', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'lookup', table: 'toString' }] }] }));
  add('proto-value-map', '{"formatVersion":1,"name":"h","source":{"format":"json","samples":[]},"target":{"format":"json","samples":[]},"rules":[{"target":"id","sources":["id"],"transforms":[{"kind":"valueMap","entries":{"__proto__":"x","constructor":"y"}}]}]}');
  add('proto-layout', '{"formatVersion":1,"name":"h","source":{"format":"json","samples":[]},"target":{"format":"json","samples":[]},"layout":{"nodes":{"__proto__":{"x":1,"y":2}},"__proto__":{"polluted":true}}}');
  add('proto-array-target', doc({ arrays: [{ target: 'constructor.prototype', source: 'items' }], rules: [rule('constructor.prototype.x', ['x'])] }));
  add('proto-masking', doc({ masking: { fields: { ['__proto__']: 'never', 'constructor.prototype': 'always' } } }));
  add('rules-50k', doc({ rules: Array.from({ length: 50_000 }, (_, i) => rule(`f${i}`)), tests: [] }));
  add('deep-target-5k', doc({ rules: [rule(Array.from({ length: 5000 }, (_, i) => `a${i}`).join('.'))], tests: [] }));
  add('deep-inline-schema', JSON.stringify(doc({ target: 'TARGET', tests: [] })).replace('"TARGET"', `{"format":"json","schema":{"inline":${deepSchemaText(20_000)}},"samples":[]}`));
  add('deep-json-100k', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  add('huge-name', doc({ name: `E${' '.repeat(2_000_000)}`, description: 'd'.repeat(4_000_000) }));
  add('huge-custom-expression', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'custom', expression: `${'('.repeat(50_000)}1${')'.repeat(50_000)}` }] }], tests: [] }));
  add('custom-error-pad', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'custom', expression: '$error($pad("E", 1000000))' }] }] }), {}, [RUN.validate, ['export', '{f}', '--spec', 'md'], ['test', '{f}']]);
  add('catastrophic-regex-replace', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'replace', pattern: CATASTROPHIC, replacement: 'x', regex: true }] }], tests: [] }));
  add('invalid-regex-replace', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: 'replace', pattern: '([a-', replacement: 'x', regex: true }] }] }));
  add('schema-file-outside', doc({ target: { format: 'json', schema: { file: '../../../../etc/passwd' }, samples: ['../../../../etc/shadow'] } }));
  add('schema-file-catastrophic', doc({ target: { format: 'json', schema: { file: 'catastrophic.schema.json' }, samples: [] } }), { 'documents/catastrophic.schema.json': JSON.stringify({ type: 'object', properties: { id: { type: 'string', pattern: CATASTROPHIC } } }) });
  add('schema-file-bomb', doc({ target: { format: 'json', schema: { file: 'bomb.yaml' }, samples: [] } }), { 'documents/bomb.yaml': `a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nopenapi: 3.0.3\n` });
  add('sample-missing', doc({ source: { format: 'xml', samples: ['nope.xml', 'also/nope.xml'] } }));
  add('lookup-file-bad', doc({ lookups: { t: { file: 'lookup.csv', keyColumn: 'k', valueColumn: 'v' } } }), { 'documents/lookup.csv': `k,v\n"${'q'.repeat(100_000)}` });
  add('newer-version', doc({ formatVersion: 99 }));
  add('wrong-types', '{"formatVersion":"1","name":7,"source":[],"target":null,"rules":{}}');
  add('not-an-object', '"just a string"');
  add('empty', '');
  add('bom-utf16', bom('utf16le', JSON.stringify(doc())));
  truncations(rng, JSON.stringify(doc()), 8).forEach((text, i) => add(`truncated-${i}`, text));
  add('duplicate-rule-targets', doc({ rules: Array.from({ length: 2000 }, () => rule('id')) }));
  add('unknown-transform', doc({ rules: [{ target: 'id', sources: ['id'], transforms: [{ kind: `${randomWord(rng, 12)}` }] }] }));
  return cases;
}

/** JSONata expression cases (evaluated with `eval` against a small payload). */
export function expressionCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (name: string, content: string | Uint8Array): void => void cases.push({ file: `expressions/${name}.jsonata`, content, runs: [RUN.evalExpr] });
  add('error-pad-100k', '$error($pad("E", 100000))');
  add('error-pad-1m', '$error($pad("E", 1000000))');
  add('error-newlines', '$error($join([1..100000].("\\n"), ""))');
  add('infinite-recursion', '( $f := function($x) { $f($x + 1) }; $f(0) )');
  add('tail-loop', '( $f := function($x) { $x > 1e12 ? $x : $f($x + 1) }; $f(0) )');
  add('huge-range', '[1..10000000].($ * 2)');
  add('string-doubling', '( $s := function($x, $n) { $n = 0 ? $x : $s($x & $x, $n - 1) }; $length($s("ab", 40)) )');
  add('catastrophic-match', '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /^(a+)+$/)');
  add('catastrophic-replace', '$replace($pad("", 40, "a") & "!", /(a|aa)+$/, "x")');
  add('deep-parens-50k', `${'('.repeat(50_000)}1${')'.repeat(50_000)}`);
  add('deep-array-literal-50k', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
  add('deep-path-20k', Array.from({ length: 20_000 }, () => 'a').join('.'));
  add('long-string-literal', `"${'x'.repeat(2_000_000)}"`);
  add('unterminated-string', `"${'x'.repeat(100_000)}`);
  add('unterminated-regex', '$match("a", /(((')
  add('syntax-error', '{ "a": }');
  add('unknown-function', '$nope(1)');
  add('eval-nested', `$eval(${'"$eval(\\"'.repeat(1)}1\\")")`);
  add('sort-big', '$sort([1..500000].($random()))');
  add('descendant-wildcard', '**.**.**');
  add('proto-access', '($.constructor.prototype; $.__proto__; {"__proto__": {"x": 1}}; $merge([{"__proto__": {"p": 1}}]))');
  add('spread-objects', '$merge([1..200000].({ $string($): $ }))');
  add('random-words', Array.from({ length: 200 }, () => randomWord(rng, 1 + Math.floor(rng() * 8))).join(' '));
  add('empty', '');
  add('bom', bom('utf8', '$'));
  return cases;
}
