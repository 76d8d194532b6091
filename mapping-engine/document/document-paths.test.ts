import { describe, expect, it } from 'vitest';
import { folderOf, resolveDocumentPath, toDocumentPath } from './document-paths';

describe('document paths', () => {
  it('resolves stored paths against the project file folder', () => {
    expect(resolveDocumentPath('/p/crm/crm.mapwright.json', 'source/a.json')).toBe('/p/crm/source/a.json');
    expect(resolveDocumentPath('/p/crm/crm.mapwright.json', '../shared/./b.csv')).toBe('/p/shared/b.csv');
    expect(resolveDocumentPath('C:\\p\\crm\\m.mapwright.json', 'lookups/c.csv')).toBe('C:/p/crm/lookups/c.csv');
    expect(resolveDocumentPath('m.mapwright.json', 'a.json')).toBe('a.json');
  });

  it('stores paths relative to the project file with forward slashes', () => {
    expect(toDocumentPath('/p/crm/crm.mapwright.json', '/p/crm/source/a.json')).toBe('source/a.json');
    expect(toDocumentPath('/p/crm/crm.mapwright.json', '/p/shared/b.csv')).toBe('../shared/b.csv');
    expect(toDocumentPath('C:\\p\\crm\\m.mapwright.json', 'C:\\p\\crm\\t\\x.json')).toBe('t/x.json');
    expect(() => toDocumentPath('C:\\p\\m.mapwright.json', 'D:\\x.json')).toThrow(/another drive/);
    expect(folderOf('/p/crm/m.json')).toBe('/p/crm');
  });

  it('round-trips', () => {
    const project = '/home/u/maps/po/po.mapwright.json';
    for (const file of ['/home/u/maps/po/in/a.xml', '/home/u/data/x.csv', '/home/u/maps/po/po.schema.json']) {
      expect(resolveDocumentPath(project, toDocumentPath(project, file))).toBe(file);
    }
  });
});
