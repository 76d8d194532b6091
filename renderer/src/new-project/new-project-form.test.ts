import { describe, expect, it } from 'vitest';
import { allowCommand, endpointChoice, hasRoots, kindLabel, projectFileName, projectPathIn } from './new-project-form';

describe('new project form', () => {
  it('makes the project file name from the project name', () => {
    expect(projectFileName('Orders → ERP (v2)')).toBe('orders-erp-v2.mapwright.json');
    expect(projectFileName('  Ünïcode Ça va ')).toBe('unicode-ca-va.mapwright.json');
    expect(projectFileName('***')).toBe('mapping.mapwright.json');
  });

  it('joins folder and file name with the folder own separator, and says which field is wrong', () => {
    expect(projectPathIn('/home/me/maps/', 'a.mapwright.json')).toEqual({ path: '/home/me/maps/a.mapwright.json' });
    expect(projectPathIn('"C:\\Users\\me"', 'a.mapwright.json')).toEqual({ path: 'C:\\Users\\me\\a.mapwright.json' });
    expect(projectPathIn('', 'a.mapwright.json')).toMatchObject({ field: 'folder' });
    expect(projectPathIn('maps', 'a.mapwright.json')).toMatchObject({ field: 'folder' });
    expect(projectPathIn('/m', '../a.mapwright.json')).toMatchObject({ field: 'fileName' });
    expect(projectPathIn('/m', '.a.mapwright.json')).toMatchObject({ field: 'fileName' });
    expect(projectPathIn('/m', 'a.json')).toMatchObject({ field: 'fileName' });
  });

  it('names detected files', () => {
    expect(kindLabel({ kind: 'sample', format: 'csv' })).toBe('CSV sample');
    expect(kindLabel({ kind: 'sample', format: 'jsonl' })).toBe('JSON Lines sample');
    expect(kindLabel({ kind: 'xsd', format: 'xml' })).toBe('XML Schema (XSD)');
  });

  it('builds a side choice only once the file is checked, with the first root by default', () => {
    expect(endpointChoice({ path: '' }, 'source')).toHaveProperty('problem');
    expect(endpointChoice({ path: '/a.json' }, 'source')).toHaveProperty('problem');
    const openapi = { name: 'api.yaml', kind: 'openapi' as const, format: 'json' as const, roots: ['Pet', 'POST /pets request'] };
    expect(endpointChoice({ path: ' /x/api.yaml ', info: openapi }, 'target')).toEqual({ choice: { file: '/x/api.yaml', kind: 'openapi', root: 'Pet' } });
    expect(endpointChoice({ path: '/x/api.yaml', info: openapi, root: 'POST /pets request' }, 'target')).toEqual({ choice: { file: '/x/api.yaml', kind: 'openapi', root: 'POST /pets request' } });
    expect(endpointChoice({ path: '/x/e.xsd', info: { name: 'e.xsd', kind: 'xsd', format: 'xml', roots: [] } }, 'target')).toHaveProperty('problem');
    expect(endpointChoice({ path: '/x/s.json', info: { name: 's.json', kind: 'sample', format: 'json', roots: [] } }, 'source')).toEqual({ choice: { file: '/x/s.json', kind: 'sample' } });
    expect(hasRoots(openapi)).toBe(true);
    expect(hasRoots(undefined)).toBe(false);
  });
});

describe('allowCommand', () => {
  it("names the refused file's folder, quoted for the shell", () => {
    expect(allowCommand('/home/ada/client files/order.json')).toBe("npm run web -- --allow '/home/ada/client files'");
    expect(allowCommand(" '/home/ada/o'neil/x.json' ")).toBe("npm run web -- --allow '/home/ada/o'\\''neil'");
    expect(allowCommand('/x.json')).toBe("npm run web -- --allow '/'");
    expect(allowCommand('C:\\Users\\ada\\order.json')).toBe('npm run web -- --allow "C:\\Users\\ada"');
    expect(allowCommand('C:\\order.json')).toBe('npm run web -- --allow C:\\');
  });
});
