/**
 * JUnit XML for `mapwright test --junit`: one `<testsuite>` per mapping
 * document, one `<testcase>` per test case, the layout CI systems (GitLab,
 * Jenkins, GitHub test reporters) read. Pure string work.
 */

/** Outcome of one test case as the report needs it. */
export interface JunitCase {
  name: string;
  /** Seconds the case took (the run's parse + evaluation time). */
  seconds: number;
  /** `failure`: the output or error did not match; `error`: the case could not run (e.g. its input file is unreadable). */
  outcome: 'passed' | 'failure' | 'error';
  /** One-line reason, for the `message` attribute. */
  message?: string;
  /** Details (the differences), for the element's text. */
  details?: string;
}

/** One mapping document's cases. */
export interface JunitSuite {
  /** The project file as given on the command line. */
  name: string;
  cases: JunitCase[];
  /** Set when the document itself could not be loaded or compiled: reported as one errored case. */
  loadError?: string;
}

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/FFFF); they would make the whole report unreadable.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes `text` for an XML attribute value or element text, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function seconds(value: number): string {
  return value.toFixed(3);
}

function caseXml(suite: string, c: JunitCase): string {
  const open = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(c.name)}" time="${seconds(c.seconds)}"`;
  if (c.outcome === 'passed') return `${open}/>`;
  const tag = c.outcome;
  const body = c.details ? escapeXml(c.details) : '';
  return `${open}>\n      <${tag} message="${escapeXml(c.message ?? tag)}">${body}</${tag}>\n    </testcase>`;
}

function suiteCases(suite: JunitSuite): JunitCase[] {
  if (suite.loadError === undefined) return suite.cases;
  return [{ name: '(load document)', seconds: 0, outcome: 'error', message: suite.loadError }];
}

/** Builds the JUnit XML document for `suites`. */
export function junitReport(suites: JunitSuite[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = suites.map((s) => ({ suite: s, cases: suiteCases(s) }));
  const count = (cases: JunitCase[], outcome: JunitCase['outcome']) => cases.filter((c) => c.outcome === outcome).length;
  const total = (pick: (cases: JunitCase[]) => number) => all.reduce((n, s) => n + pick(s.cases), 0);
  const time = (cases: JunitCase[]) => cases.reduce((n, c) => n + c.seconds, 0);
  lines.push(
    `<testsuites name="mapwright" tests="${total((c) => c.length)}" failures="${total((c) => count(c, 'failure'))}" errors="${total((c) => count(c, 'error'))}" time="${seconds(total(time))}">`,
  );
  for (const { suite, cases } of all) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${cases.length}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}" skipped="0" time="${seconds(time(cases))}">`,
    );
    for (const c of cases) lines.push(caseXml(suite.name, c));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
