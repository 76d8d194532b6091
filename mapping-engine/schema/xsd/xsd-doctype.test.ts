import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../../errors';
import { findField } from '../model';
import { loadXsd } from './index';
import { stripDoctype } from './xsd-doctype';

const XMLDSIG = join(import.meta.dirname, '../../../tests/fixtures/corpus/xsd/ubl-2.1/common/UBL-xmldsig-core-schema-2.1.xsd');

describe('stripDoctype', () => {
  it('blanks the xmldsig DOCTYPE (parameter entities included) without moving any offset', async () => {
    const text = await readFile(XMLDSIG, 'utf8');
    const stripped = stripDoctype(text);
    expect(stripped.text).toHaveLength(text.length);
    expect(stripped.text).not.toContain('<!DOCTYPE');
    expect(stripped.text).not.toContain('<!ENTITY');
    expect(stripped.entities).toEqual({ dsig: 'http://www.w3.org/2000/09/xmldsig#' });
    const at = text.indexOf('<schema ');
    expect(lineColumnAt(stripped.text, at)).toEqual(lineColumnAt(text, at));
    expect(stripped.text.slice(at)).toBe(text.slice(at));
  });

  it('leaves documents without a DOCTYPE, and a DOCTYPE after the root, alone', () => {
    const plain = '<a><!-- <!DOCTYPE x> --></a>';
    expect(stripDoctype(plain)).toEqual({ text: plain, entities: {} });
  });

  it('skips quoted ">" and "]" inside the internal subset', () => {
    const text = `<!DOCTYPE s [ <!ENTITY gt2 "a>]b"> <!-- ] > --> ]>\n<s/>`;
    const stripped = stripDoctype(text);
    expect(stripped.entities).toEqual({ gt2: 'a>]b' });
    expect(stripped.text.trimStart()).toBe('<s/>');
  });
});

describe('loadXsd with a DOCTYPE', () => {
  it('loads the xmldsig schema and expands its declared entities', async () => {
    const doc = await loadXsd(new Uint8Array(await readFile(XMLDSIG)), XMLDSIG, { read: () => Promise.reject(new Error('no imports expected')) });
    expect(findField(doc.root, ['Signature', 'SignedInfo', 'Reference'])).toMatchObject({ repeating: true, required: true });
    expect(findField(doc.root, ['Signature', '@Id'])?.format).toBe('ID');

    const withEntity = `<!DOCTYPE schema [ <!ENTITY tns 'urn:entity'> <!ENTITY % p ''> ]>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="&tns;" elementFormDefault="qualified">
  <xs:element name="a" type="xs:string"/>
</xs:schema>`;
    const small = await loadXsd(withEntity, '/s/entity.xsd', { read: () => Promise.reject(new Error('none')) });
    expect(findField(small.root, ['a'])?.xml?.namespace).toBe('urn:entity');
  });
});
