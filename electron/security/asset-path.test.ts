import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAssetPath } from './asset-path';

const root = resolve('/srv/renderer');

describe('resolveAssetPath', () => {
  it('maps paths inside the folder, and / to index.html', () => {
    expect(resolveAssetPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAssetPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('refuses everything that could leave the folder', () => {
    for (const attempt of ['/../secret', '/assets/../../secret', '/%2e%2e/secret', '/..%2fsecret', '/a%5c..%5c..%5csecret', '/a%00.js', '/%E0%A4%A']) {
      expect(resolveAssetPath(root, attempt), attempt).toBeUndefined();
    }
  });
});

describe('contentTypeOf', () => {
  it('names the types of a Vite build and falls back to octet-stream', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('weird.bin')).toBe('application/octet-stream');
  });
});
