import { describe, expect, it } from 'vitest';
import { readXml } from '../../payload/xml-read';
import { escapeXml, junitReport } from './junit-report';

describe('junitReport', () => {
  const xml = junitReport([
    {
      name: 'samples/a & b.mapwright.json',
      cases: [
        { name: 'passes', seconds: 0.0123, outcome: 'passed' },
        { name: 'total <wrong> "quoted"', seconds: 0.5, outcome: 'failure', message: '1 difference(s)', details: 'total: expected 12.5, got 12\nnote: a\u0001b' },
        { name: 'input missing', seconds: 0, outcome: 'error', message: "FILE_READ in.json: can't read" },
      ],
    },
    { name: 'broken.mapwright.json', cases: [], loadError: 'DOC_INVALID broken.mapwright.json: bad' },
  ]);

  it('is well-formed XML whose counts add up per suite and overall', () => {
    const doc = readXml(xml).value as { testsuites: { '@tests': string; '@failures': string; '@errors': string; testsuite: Array<Record<string, unknown>> } };
    expect(doc.testsuites['@tests']).toBe('4');
    expect(doc.testsuites['@failures']).toBe('1');
    expect(doc.testsuites['@errors']).toBe('2');
    const [first, second] = doc.testsuites.testsuite;
    expect(first).toMatchObject({ '@name': 'samples/a & b.mapwright.json', '@tests': '3', '@failures': '1', '@errors': '1', '@time': '0.512' });
    expect(second).toMatchObject({ '@name': 'broken.mapwright.json', '@tests': '1', '@errors': '1' });
  });

  it('escapes names, messages and details, and replaces characters XML cannot hold', () => {
    const doc = readXml(xml).value as { testsuites: { testsuite: Array<{ testcase: Array<Record<string, unknown>> | Record<string, unknown> }> } };
    const cases = doc.testsuites.testsuite[0]!.testcase as Array<Record<string, unknown>>;
    expect(cases[1]).toMatchObject({ '@name': 'total <wrong> "quoted"', failure: { '@message': '1 difference(s)', '#text': 'total: expected 12.5, got 12\nnote: a\uFFFDb' } });
    expect(cases[2]).toMatchObject({ error: { '@message': "FILE_READ in.json: can't read" } });
    expect(xml).not.toContain('\u0001');
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});
