import { describe, expect, it } from 'vitest';
import { externalLinkTarget } from './external-links';

describe('externalLinkTarget', () => {
  it('lets https links go to the system browser, normalised', () => {
    expect(externalLinkTarget('https://docs.jsonata.org/overview')).toBe('https://docs.jsonata.org/overview');
    expect(externalLinkTarget('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it('refuses every other scheme, credentials in the URL, and text that is not a URL', () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'mapwright://app/index.html', 'smb://host/share', 'https://user:pw@example.com/', 'not a url', '']) {
      expect(externalLinkTarget(url), url).toBeUndefined();
    }
  });
});
