/**
 * The CLI's rule (docs/security.md, "The CLI"): files named on the command
 * line are the user's choice; the files a project or schema refers to (lookup
 * tables, schemas, test files, XSD includes, `$ref`) stay inside its folder
 * unless `--allow-outside` is given. A refusal is `ACCESS_DENIED` naming the
 * reference by its file name, never by a path climbing out of the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project in `<root>/project/` whose lookup table, target schema or test input lies in `<root>/secret/`. */
function layout(): { root: string; project: (extra: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-cli-refs-'));
  temps.push(root);
  mkdirSync(join(root, 'project'));
  mkdirSync(join(root, 'secret'));
  writeFileSync(join(root, 'secret', 'codes.csv'), 'code,label\nA,Alpha\n');
  writeFileSync(join(root, 'secret', 'schema.json'), '{"type": "object", "properties": {"a": {"type": "string"}}}');
  writeFileSync(join(root, 'secret', 'in.json'), '{"a": "x"}');
  writeFileSync(join(root, 'project', 'in.json'), '{"a": "x"}');
  writeFileSync(join(root, 'project', 'out.json'), '{"b": "x"}');
  symlinkSync(join(root, 'secret', 'codes.csv'), join(root, 'project', 'linked.csv'));
  const project = (extra: string): string => {
    const file = join(root, 'project', 'p.mapwright.json');
    writeFileSync(
      file,
      `{"formatVersion": 1, "name": "P", "source": {"format": "json"}, "target": {"format": "json"${extra.includes('"schema"') ? ', "schema": {"file": "../secret/schema.json"}' : ''}},
        "rules": [{"target": "b", "sources": ["a"]}]${extra.includes('"schema"') ? '' : extra}}`,
    );
    return file;
  };
  return { root, project };
}

const lookup = (file: string) => `, "lookups": {"codes": {"file": "${file}", "keyColumn": "code", "valueColumn": "label"}}`;

describe('references inside a project, from the CLI', () => {
  it('refuses a lookup table outside the project folder, by `..` or through a link, naming it by its file name', async () => {
    const { root, project } = layout();
    for (const reference of ['../secret/codes.csv', 'sub/../../secret/codes.csv', 'linked.csv']) {
      const file = project(lookup(reference));
      const compiled = await runCli('compile', file);
      expect(compiled.code, reference).toBe(2);
      expect(compiled.err, reference).toMatch(/^ACCESS_DENIED /);
      expect(compiled.err).not.toContain('..');
      expect(compiled.err).not.toContain(join(root, 'secret'));
      const validated = await runCli('validate', file);
      expect(validated.code).toBe(1);
      expect(validated.err + validated.out).toContain('ACCESS_DENIED');
      // The user who trusts the project says so.
      expect((await runCli('compile', file, '--allow-outside')).code, reference).toBe(0);
      expect((await runCli('--allow-outside', 'validate', file)).code, reference).toBe(0);
    }
  });

  it('refuses a target schema outside the project folder unless --allow-outside', async () => {
    const { project, root } = layout();
    const file = project('"schema"');
    const run = await runCli('run', file, '--input', join(root, 'project', 'in.json'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^ACCESS_DENIED schema\.json/);
    expect((await runCli('run', file, '--input', join(root, 'project', 'in.json'), '--allow-outside')).code).toBe(0);
  });

  it('does not run a test case whose input lies outside the project folder', async () => {
    const { project } = layout();
    const file = project(', "tests": [{"name": "outside", "input": "../secret/in.json", "expected": "out.json"}, {"name": "inside", "input": "in.json", "expected": "out.json"}]');
    const tested = await runCli('test', file);
    expect(tested.code).toBe(1);
    expect(tested.out).toMatch(/ERROR outside\n\s+ACCESS_DENIED in\.json/);
    expect(tested.out).toContain('ok    inside');
    expect((await runCli('test', file, '--allow-outside')).code).toBe(0);
  });

  it('lets a schema named on the command line include files below its folder or the working folder only', async () => {
    const { root } = layout();
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas', 'main.json'), '{"type": "object", "properties": {"x": {"$ref": "../secret/schema.json"}}}');
    writeFileSync(join(root, 'secret', 'types.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>');
    writeFileSync(
      join(root, 'schemas', 'main.xsd'),
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="../secret/types.xsd"/><xs:element name="Order"><xs:complexType><xs:sequence><xs:element name="code" type="Code"/></xs:sequence></xs:complexType></xs:element></xs:schema>',
    );
    const cwd = process.cwd();
    try {
      process.chdir(join(root, 'schemas'));
      const xsd = await runCli('infer', join(root, 'schemas', 'main.xsd'), '--flat');
      expect(xsd.code).toBe(2);
      // Both loaders refuse at the include or $ref that leaves the folder, in the same words whether the file exists or not.
      expect(xsd.err).toMatch(/^ACCESS_DENIED .*main\.xsd:1:/);
      const json = await runCli('infer', join(root, 'schemas', 'main.json'), '--flat');
      expect(json.code).toBe(2);
      expect(json.err).toMatch(/^ACCESS_DENIED .*main\.json:1:/);
      expect((await runCli('infer', join(root, 'schemas', 'main.xsd'), '--flat', '--allow-outside')).code).toBe(0);
      expect((await runCli('infer', join(root, 'schemas', 'main.json'), '--flat', '--allow-outside')).code).toBe(0);
      // Run from the folder that holds both (as the README's UBL example runs from the repository).
      process.chdir(root);
      expect((await runCli('infer', join(root, 'schemas', 'main.xsd'), '--flat')).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });
});
