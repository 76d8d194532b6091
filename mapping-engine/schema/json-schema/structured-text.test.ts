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
});
