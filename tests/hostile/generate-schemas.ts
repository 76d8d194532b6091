/** Hostile schemas: JSON Schema, OpenAPI (YAML and JSON) and XSD. */
import type { HostileCase } from './hostile-case';
import { RUN, type RunArgs } from './hostile-case';
import { bom, randomWord, truncations, type Rng } from './hostile-text';

const SCHEMA_RUNS = [RUN.infer, RUN.inferFlat, RUN.schemaFor('common/small.json', 'xml')];
const CATASTROPHIC = '^(a+)+$';

/**
 * `depth` definitions, each a `keyword` of two branches referring to the next
 * one: small as text, 2^depth branch combinations when expanded naively.
 * `prefix` is where the definitions live (`#/definitions/` or an OpenAPI components path).
 */
function exponentialDefs(depth: number, keyword: string, prefix = '#/definitions/'): Record<string, unknown> {
  return Object.fromEntries(
    Array.from({ length: depth }, (_, i) => [
      `d${i}`,
      i === depth - 1
        ? { type: 'object', properties: { leaf: { type: 'string' } } }
        : { [keyword]: [{ $ref: `${prefix}d${i + 1}` }, { type: 'object', properties: { [`p${i}`]: { $ref: `${prefix}d${i + 1}` } } }] },
    ]),
  );
}

function exponentialOneOf(depth: number, keyword = 'oneOf'): unknown {
  return { $ref: '#/definitions/d0', definitions: exponentialDefs(depth, keyword) };
}

/** JSON text of a schema `depth` objects deep (built as text: JSON.stringify would overflow the stack). */
export function deepSchemaText(depth: number): string {
  return `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}`;
}

/** JSON Schema cases. */
export function jsonSchemaCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (file: string, schema: unknown, runs: RunArgs[] = SCHEMA_RUNS): void =>
    void cases.push({ file: `json-schema/${file}`, content: typeof schema === 'string' ? schema : JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...(schema as object) }), runs });
  const refChain = (n: number): unknown => ({ $ref: '#/definitions/d0', definitions: Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}`, i === n - 1 ? { type: 'string' } : { type: 'object', properties: { next: { $ref: `#/definitions/d${i + 1}` } } }])) });

  add('exponential-oneof-30.schema.json', exponentialOneOf(30));
  add('exponential-anyof-40.schema.json', exponentialOneOf(40, 'anyOf'));
  add('exponential-allof-25.schema.json', exponentialOneOf(25, 'allOf'));
  add('exponential-ref-dag.schema.json', { $ref: '#/definitions/n0', definitions: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`n${i}`, i === 39 ? { type: 'string' } : { type: 'object', properties: { l: { $ref: `#/definitions/n${i + 1}` }, r: { $ref: `#/definitions/n${i + 1}` } } }])) });
  add('deep-properties-20k.schema.json', `{"$schema":"http://json-schema.org/draft-07/schema#",${deepSchemaText(20_000).slice(1)}`);
  add('ref-chain-20k.schema.json', refChain(20_000));
  add('ref-cycle.schema.json', { $ref: '#/definitions/a', definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } } });
  add('self-recursive.schema.json', { $ref: '#/definitions/node', definitions: { node: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/definitions/node' } } } } } });
  add('ref-missing.schema.json', { type: 'object', properties: { a: { $ref: '#/definitions/nope' }, b: { $ref: 'other.json#/x' } } });
  add('ref-outside.schema.json', { type: 'object', properties: { a: { $ref: '../../../../etc/passwd' }, b: { $ref: '/etc/hostname' } } });
  add('ref-http.schema.json', { type: 'object', properties: { a: { $ref: 'http://127.0.0.1:1/schema.json' } } });
  add('ref-weird-pointer.schema.json', { type: 'object', properties: { a: { $ref: '#/definitions/~2/%ZZ/__proto__' } } });
  add('properties-50k.schema.json', { type: 'object', properties: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`${randomWord(rng, 4)}${i}`, { type: 'string' }])) });
  add('catastrophic-pattern.schema.json', { type: 'object', properties: { a: { type: 'string', pattern: CATASTROPHIC } }, patternProperties: { [CATASTROPHIC]: { type: 'string' } } });
  add('invalid-pattern.schema.json', { type: 'object', properties: { a: { type: 'string', pattern: '([a-' } } });
  add('enum-500k.schema.json', { type: 'string', enum: Array.from({ length: 500_000 }, (_, i) => `v${i}`) });
  add('proto-properties.schema.json', { type: 'object', properties: { ['__proto__']: { type: 'string' }, constructor: { type: 'object', properties: { prototype: { type: 'object', properties: { polluted: { type: 'string' } } } } } }, required: ['__proto__', 'constructor'] }, [...SCHEMA_RUNS, RUN.schemaFor('common/proto.json', 'csv')]);
  add('proto-definitions.schema.json', '{"$ref":"#/definitions/__proto__","definitions":{"__proto__":{"type":"string"},"constructor":{"type":"number"}}}');
  add('weird-types.schema.json', { type: ['object', 'frog', 7], properties: { a: { type: null }, b: true, c: false, d: [], e: 'x' }, items: 5, required: 'yes' });
  add('huge-description.schema.json', { type: 'object', description: `E${' '.repeat(2_000_000)}`, properties: { a: { type: 'string', description: 'x'.repeat(4_000_000) } } });
  add('not-a-schema-array.schema.json', '[1,2,3]');
  add('bom-utf16.schema.json', bom('utf16le', JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } })));
  truncations(rng, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'number' } } } }), 4).forEach((text, i) => add(`truncated-${i}.schema.json`, text));
  add('dynamic-refs-2020.schema.json', { $schema: 'https://json-schema.org/draft/2020-12/schema', $dynamicAnchor: 'n', type: 'object', properties: { k: { $dynamicRef: '#n' } }, $defs: { x: { $anchor: 'n', $ref: '#' } } });
  return cases;
}

/** An OpenAPI document as YAML text with `count` component schemas. */
function openApiYaml(schemas: string): string {
  return `openapi: 3.0.3\ninfo:\n  title: hostile\n  version: "1"\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
}

/** OpenAPI cases (YAML and JSON). */
export function openApiCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (file: string, content: string | Uint8Array, runs: RunArgs[] = SCHEMA_RUNS): void => void cases.push({ file: `openapi/${file}`, content, runs });
  const base = openApiYaml('    Person:\n      type: object\n      properties:\n        name:\n          type: string\n        tags:\n          type: array\n          items:\n            type: string\n');
  const deep = (n: number): string => `{"openapi":"3.0.3","info":{"title":"deep","version":"1"},"paths":{},"components":{"schemas":{"Deep":${deepSchemaText(n)}}}}`;
  // 50k schemas in JSON below; YAML parses about ten times slower, so 20k keep this file's runs well inside the limit.
  add('many-schemas-20k.yaml', openApiYaml(Array.from({ length: 20_000 }, (_, i) => `    S${i}:\n      type: object\n      properties:\n        a:\n          $ref: '#/components/schemas/S${(i + 1) % 20_000}'\n`).join('')));
  add('many-schemas-50k.json', JSON.stringify({ openapi: '3.1.0', info: { title: 'wide', version: '1' }, paths: {}, components: { schemas: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`S${i}`, { type: 'object', properties: { v: { type: 'string' } } }])) } }));
  add('deep-10k.json', deep(10_000));
  add('deep-100k.json', deep(100_000));
  add('deep-yaml-flow-10k.yaml', `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    D: ${'{type: object, properties: {a: '.repeat(10_000)}{type: string}${'}}'.repeat(10_000)}\n`);
  add('exponential-oneof.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {}, components: { schemas: exponentialDefs(30, 'oneOf', '#/components/schemas/') } }));
  add('alias-bomb.yaml', `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nopenapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n`);
  add('alias-bomb-in-schema.yaml', `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-a: &a {type: object, properties: {p1: {type: string}}}\nx-b: &b {type: object, properties: {${Array.from({ length: 10 }, (_, i) => `q${i}: *a`).join(', ')}}}\nx-c: &c {type: object, properties: {${Array.from({ length: 10 }, (_, i) => `q${i}: *b`).join(', ')}}}\nx-d: &d {type: object, properties: {${Array.from({ length: 10 }, (_, i) => `q${i}: *c`).join(', ')}}}\nx-e: &e {type: object, properties: {${Array.from({ length: 10 }, (_, i) => `q${i}: *d`).join(', ')}}}\ncomponents:\n  schemas:\n    E: {type: object, properties: {${Array.from({ length: 10 }, (_, i) => `q${i}: *e`).join(', ')}}}\n`);
  add('yaml-tab-indent.yaml', 'openapi: 3.0.3\ninfo:\n\ttitle: x\n');
  add('yaml-bad-indent.yaml', 'openapi: 3.0.3\ninfo:\n  title: x\n version: 1\n');
  add('yaml-unclosed-flow.yaml', `openapi: 3.0.3\ncomponents: {schemas: {A: [${'1,'.repeat(100_000)}`);
  add('yaml-unclosed-quote.yaml', `openapi: "3.0.3\ninfo: x\n${'y'.repeat(100_000)}`);
  add('yaml-duplicate-keys.yaml', 'openapi: 3.0.3\nopenapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n');
  add('yaml-js-tags.yaml', 'openapi: 3.0.3\ninfo: {title: !!js/function "function(){}", version: !!binary aGk=}\npaths: !custom {}\n');
  add('yaml-merge-keys.yaml', 'openapi: 3.0.3\nbase: &b {type: string}\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      <<: *b\n      <<: *b\n');
  add('yaml-undefined-alias.yaml', 'openapi: 3.0.3\ninfo: *nope\n');
  add('yaml-multi-doc.yaml', `${base}---\n${base}---\n: : :\n`);
  add('yaml-deep-block-5k.yaml', `openapi: 3.0.3\nx:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}\n`);
  add('yaml-huge-scalar.yaml', `openapi: 3.0.3\ninfo: {title: "${'E '.repeat(4_000_000)}", version: "1"}\npaths: {}\n`);
  add('yaml-not-openapi.yaml', 'just: a\nmap: [1, 2]\n');
  add('yaml-binary.yaml', Uint8Array.from(Array.from({ length: 4096 }, () => Math.floor(rng() * 256))));
  add('yaml-bom-utf16.yaml', bom('utf16le', base));
  add('proto-components.yaml', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    __proto__: {type: object, properties: {polluted: {type: string}}}\n    constructor: {type: object, properties: {prototype: {type: object}}}\n    toString: {$ref: '#/components/schemas/__proto__'}\n");
  add('ref-outside.yaml', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '../../../etc/passwd#/x'}\n    B: {$ref: 'file:///etc/passwd'}\n");
  add('ref-cycle.yaml', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n");
  add('catastrophic-pattern.yaml', `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {a: {type: string, pattern: '${CATASTROPHIC}'}}}\n`);
  add('many-paths.json', JSON.stringify({ swagger: '2.0', info: { title: 'p', version: '1' }, paths: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`/p${i}`, { post: { parameters: [{ in: 'body', name: 'b', schema: { type: 'object', properties: { v: { type: 'string' } } } }], responses: { 200: { description: 'ok' } } } }])) }));
  truncations(rng, base, 4).forEach((text, i) => add(`truncated-${i}.yaml`, text));
  return cases;
}

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

function xsd(body: string, extra = ''): string {
  return `<?xml version="1.0"?>\n<xs:schema ${XS}${extra}>\n${body}\n</xs:schema>\n`;
}

/** XSD cases. */
export function xsdCases(rng: Rng): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (file: string, content: string | Uint8Array, companions?: Record<string, string>): void =>
    void cases.push({ file: `xsd/${file}`, content, runs: [RUN.infer, RUN.inferFlat, RUN.schemaFor('common/small.xml', 'json')], ...(companions ? { companions } : {}) });
  const chain = (n: number, kind: 'extension' | 'restriction'): string =>
    xsd(`<xs:element name="r" type="T0"/>\n${Array.from({ length: n }, (_, i) => (i === n - 1 ? `<xs:complexType name="T${i}"><xs:sequence><xs:element name="leaf" type="xs:string"/></xs:sequence></xs:complexType>` : `<xs:complexType name="T${i}"><xs:complexContent><xs:${kind} base="T${i + 1}"><xs:sequence><xs:element name="e${i}" type="xs:string" minOccurs="0"/></xs:sequence></xs:${kind}></xs:complexContent></xs:complexType>`)).join('\n')}`);
  add('extension-chain-20k.xsd', chain(20_000, 'extension'));
  add('restriction-chain-20k.xsd', chain(20_000, 'restriction'));
  add('simple-type-chain-20k.xsd', xsd(`<xs:element name="r" type="S0"/>\n${Array.from({ length: 20_000 }, (_, i) => `<xs:simpleType name="S${i}"><xs:restriction base="${i === 19_999 ? 'xs:string' : `S${i + 1}`}"/></xs:simpleType>`).join('\n')}`));
  add('element-ref-chain-20k.xsd', xsd(`${Array.from({ length: 20_000 }, (_, i) => `<xs:element name="e${i}"><xs:complexType><xs:sequence>${i === 19_999 ? '' : `<xs:element ref="e${i + 1}"/>`}</xs:sequence></xs:complexType></xs:element>`).join('\n')}`));
  add('anonymous-nesting-5k.xsd', xsd(`<xs:element name="r">${'<xs:complexType><xs:sequence><xs:element name="a">'.repeat(5000)}${'</xs:element></xs:sequence></xs:complexType>'.repeat(5000)}</xs:element>`));
  add('xml-deep-100k.xsd', xsd(`${'<xs:annotation>'.repeat(100_000)}${'</xs:annotation>'.repeat(100_000)}`));
  add('exponential-types.xsd', xsd(`<xs:element name="r" type="N0"/>\n${Array.from({ length: 40 }, (_, i) => `<xs:complexType name="N${i}"><xs:sequence>${i === 39 ? '<xs:element name="x" type="xs:string"/>' : `<xs:element name="l" type="N${i + 1}"/><xs:element name="r" type="N${i + 1}"/>`}</xs:sequence></xs:complexType>`).join('\n')}`));
  add('recursive-type.xsd', xsd('<xs:element name="r" type="Node"/><xs:complexType name="Node"><xs:sequence><xs:element name="kid" type="Node" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>'));
  add('group-cycle.xsd', xsd('<xs:element name="r"><xs:complexType><xs:group ref="G1"/></xs:complexType></xs:element><xs:group name="G1"><xs:sequence><xs:group ref="G2"/></xs:sequence></xs:group><xs:group name="G2"><xs:sequence><xs:group ref="G1"/></xs:sequence></xs:group>'));
  add('attribute-group-cycle.xsd', xsd('<xs:element name="r"><xs:complexType><xs:attributeGroup ref="A"/></xs:complexType></xs:element><xs:attributeGroup name="A"><xs:attributeGroup ref="B"/></xs:attributeGroup><xs:attributeGroup name="B"><xs:attributeGroup ref="A"/></xs:attributeGroup>'));
  add('base-cycle.xsd', xsd('<xs:element name="r" type="A"/><xs:complexType name="A"><xs:complexContent><xs:extension base="B"/></xs:complexContent></xs:complexType><xs:complexType name="B"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>'));
  add('substitution-cycle.xsd', xsd('<xs:element name="a" substitutionGroup="b" type="xs:string"/><xs:element name="b" substitutionGroup="a" type="xs:string"/><xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="a"/></xs:sequence></xs:complexType></xs:element>'));
  add('elements-50k.xsd', xsd(`<xs:element name="r"><xs:complexType><xs:sequence>${Array.from({ length: 50_000 }, (_, i) => `<xs:element name="e${i}" type="xs:string"/>`).join('')}</xs:sequence></xs:complexType></xs:element>`));
  add('global-elements-50k.xsd', xsd(Array.from({ length: 50_000 }, (_, i) => `<xs:element name="g${i}" type="xs:string"/>`).join('\n')));
  add('attributes-100k.xsd', xsd(`<xs:element name="r"><xs:complexType>${Array.from({ length: 100_000 }, (_, i) => `<xs:attribute name="a${i}" type="xs:string"/>`).join('')}</xs:complexType></xs:element>`));
  add('catastrophic-pattern.xsd', xsd(`<xs:element name="r"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="${CATASTROPHIC}"/><xs:pattern value="([a-"/></xs:restriction></xs:simpleType></xs:element>`));
  add('include-cycle.xsd', xsd('<xs:include schemaLocation="include-cycle.xsd"/><xs:element name="r" type="xs:string"/>'));
  add('include-outside.xsd', xsd('<xs:include schemaLocation="../../../../etc/passwd"/><xs:import namespace="urn:x" schemaLocation="/etc/hostname"/><xs:element name="r" type="xs:string"/>'));
  add('include-http.xsd', xsd('<xs:import namespace="urn:x" schemaLocation="http://127.0.0.1:1/x.xsd"/><xs:element name="r" type="xs:string"/>'));
  add('include-missing.xsd', xsd('<xs:include schemaLocation="nope.xsd"/><xs:element name="r" type="T"/>'));
  add('include-pair-a.xsd', xsd('<xs:include schemaLocation="include-pair-b.xsd"/><xs:element name="r" type="B"/><xs:complexType name="A"><xs:sequence><xs:element name="b" type="B"/></xs:sequence></xs:complexType>'), { 'xsd/include-pair-b.xsd': xsd('<xs:include schemaLocation="include-pair-a.xsd"/><xs:complexType name="B"><xs:sequence><xs:element name="a" type="A" minOccurs="0"/></xs:sequence></xs:complexType>') });
  add('billion-laughs.xsd', `<?xml version="1.0"?>\n<!DOCTYPE xs:schema [\n<!ENTITY l0 "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('\n')}\n]>\n<xs:schema ${XS}><xs:element name="r"><xs:annotation><xs:documentation>&l9;</xs:documentation></xs:annotation></xs:element></xs:schema>`);
  add('xxe.xsd', `<?xml version="1.0"?>\n<!DOCTYPE xs:schema [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xs:schema ${XS}><xs:element name="r" fixed="&x;" type="xs:string"/></xs:schema>`);
  add('undefined-type.xsd', xsd('<xs:element name="r" type="Nope"/><xs:element name="s" type="q:Nope"/>'));
  add('proto-names.xsd', xsd('<xs:element name="__proto__" type="constructor"/><xs:complexType name="constructor"><xs:sequence><xs:element name="prototype" type="xs:string"/><xs:element name="__proto__" type="xs:string"/></xs:sequence><xs:attribute name="constructor"/></xs:complexType>'));
  add('no-schema-root.xsd', '<notschema/>');
  add('empty.xsd', '');
  add('bom-utf16.xsd', bom('utf16le', xsd('<xs:element name="r" type="xs:string"/>').replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')));
  truncations(rng, chain(5, 'extension'), 5).forEach((text, i) => add(`truncated-${i}.xsd`, text));
  return cases;
}
