import { describe, expect, it } from 'vitest';
import { changedBranches, changedPaths, csvRows, csvTree, jsonTree, leafValues } from './output-tree';

describe('jsonTree', () => {
  it('gives every leaf a JSONata path, array elements by index', () => {
    const tree = jsonTree({ id: 'C1', contacts: [{ value: 'a' }, { value: 'b' }], 'Order Date': null });
    expect([...leafValues(tree)]).toEqual([
      ['id', '"C1"'],
      ['contacts[0].value', '"a"'],
      ['contacts[1].value', '"b"'],
      ['`Order Date`', 'null'],
    ]);
  });
});

describe('changedPaths', () => {
  it('marks the leaves whose value changed or appeared, none on the first run', () => {
    const before = leafValues(jsonTree({ a: 1, b: [1, 2] }));
    const after = leafValues(jsonTree({ a: 1, b: [1, 3, 4] }));
    expect(changedPaths(after, undefined).size).toBe(0);
    const changed = changedPaths(after, before);
    expect([...changed]).toEqual(['b[1]', 'b[2]']);
    expect([...changedBranches(jsonTree({ a: 1, b: [1, 3, 4] }), changed)].sort()).toEqual(['', 'b']);
  });
});

describe('csv', () => {
  it('splits quoted cells and makes row paths', () => {
    const rows = csvRows('id,name\n1,"Doe, ""J"""\r\n2,x\n');
    expect(rows).toEqual([
      ['id', 'name'],
      ['1', 'Doe, "J"'],
      ['2', 'x'],
    ]);
    expect([...leafValues(csvTree(rows)).keys()]).toEqual(['[0].id', '[0].name', '[1].id', '[1].name']);
  });
});
