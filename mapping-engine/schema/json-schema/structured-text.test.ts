import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import { parseSchemaText, parseYamlText, schemaText } from './structured-text';

function errorOf(run: () => unknown): MapwrightError {
  try {
    run();
  } catch (error) {
    if (error instanceof MapwrightError) return error;
    throw error;
  }
  throw new Error('expected a MapwrightError');
}

describe('schema text', () => {
  it('reports broken JSON with line and column', () => {
    const error = errorOf(() => parseSchemaText('{\n  "type": "object",\n  "properties": {,}\n}', 's.json'));
    expect(error.code).toBe('JSON_PARSE');
    expect(error.file).toBe('s.json');
    expect([error.line, error.column]).toEqual([3, 18]);
  });

  it('reports broken YAML with line and column', () => {
    const error = errorOf(() => parseYamlText('openapi: 3.0.0\ninfo:\n  title: x\n version: 1\n', 'api.yaml'));
    expect(error.code).toBe('YAML_PARSE');
    expect(error.file).toBe('api.yaml');
    expect([error.line, error.column]).toEqual([4, 1]);
  });

  it('rejects duplicate YAML keys', () => {
    expect(errorOf(() => parseYamlText('a: 1\na: 2\n', 'd.yaml')).code).toBe('YAML_PARSE');
  });

  it('stops a YAML alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array.from({ length: 10 }, () => `*${prev}`).join(', ')}]`);
    }
    expect(errorOf(() => parseYamlText(lines.join('\n'), 'bomb.yaml')).code).toBe('YAML_PARSE');
  });

  it('chooses JSON or YAML by extension and content', () => {
    expect(parseSchemaText('{"a": 1}', 'x.json')).toEqual({ a: 1 });
    expect(parseSchemaText('a: 1', 'x.yaml')).toEqual({ a: 1 });
    expect(parseSchemaText('a: 1', 'x')).toEqual({ a: 1 });
  });

  it('drops a byte-order mark and decodes UTF-16', () => {
    expect(schemaText('\ufeff{}', 'x.json')).toBe('{}');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0]);
    expect(schemaText(utf16, 'x.json')).toBe('{}');
  });

  it('bounds alias expansion: a "billion laughs" YAML file is YAML_PARSE at its first alias', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 6; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const error = errorOf(() => parseYamlText(`${levels.join('\n')}\n`, 'bomb.yaml'));
    expect([error.code, error.file, error.line, error.column]).toEqual(['YAML_PARSE', 'bomb.yaml', 2, 8]);
  });

  it('reports YAML nested past the parser stack as LIMIT_EXCEEDED with a line', () => {
    const text = `x:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}\n`;
    const error = errorOf(() => parseYamlText(text, 'deep.yaml'));
    expect([error.code, error.file]).toEqual(['LIMIT_EXCEEDED', 'deep.yaml']);
    expect(error.line).toBeGreaterThan(1);
  });

  it('finds a duplicate key among 50k keys of one mapping, with its line', () => {
    const text = `${Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\nk7: again\n`;
    const error = errorOf(() => parseYamlText(text, 'wide.yaml'));
    expect([error.code, error.line, error.column]).toEqual(['YAML_PARSE', 50_001, 1]);
  });

  it('reports an unresolved alias and a second document as YAML_PARSE with a position', () => {
    const alias = errorOf(() => parseYamlText('openapi: 3.0.0\ninfo: *nope\n', 'a.yaml'));
    expect([alias.code, alias.line, alias.column]).toEqual(['YAML_PARSE', 2, 7]);
    const multi = errorOf(() => parseYamlText('a: 1\n---\nb: 2\n', 'm.yaml'));
    expect([multi.code, multi.line]).toEqual(['YAML_PARSE', 2]);
  });
});
