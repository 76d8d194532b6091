import { describe, expect, it } from 'vitest';
import { markdownCell, renderPerformanceDoc, renderSection, replaceSections } from './render-markdown';
import type { BenchResults, SectionTable } from './results';

const section: SectionTable = {
  id: 'engine',
  title: 'Engine throughput',
  note: 'what the figures mean',
  columns: ['workload', 'mapwrightPerSecond', 'mapwrightToJsonata'],
  rows: [
    { workload: 'flat-rename', mapwrightPerSecond: 30106, mapwrightToJsonata: 2.24 },
    { workload: 'crm-to-erp', mapwrightPerSecond: 'not run (a | b)', mapwrightToJsonata: null },
  ],
};

const results: BenchResults = {
  date: '2026-11-24T17:30:00.000Z',
  quick: true,
  complete: true,
  machine: { cpu: 'AMD EPYC', cores: 2, memoryGiB: 24, node: 'v20.20.2', platform: 'linux x64' },
  durationSeconds: 95.4,
  sections: [section],
};

describe('renderSection', () => {
  it('renders a table with labelled columns, one line per row, and escapes pipes', () => {
    const lines = renderSection(section).split('\n');
    expect(lines[0]).toBe('## Engine throughput');
    expect(lines).toContain('| workload | Mapwright rec/s | Mapwright / jsonata (time) |');
    expect(lines).toContain('| flat-rename | 30,106 | 2.24 |');
    expect(lines).toContain('| crm-to-erp | not run (a \\| b) | – |');
  });
});

describe('renderPerformanceDoc', () => {
  it('names the machine and labels quick figures as quick', () => {
    const doc = renderPerformanceDoc(results);
    expect(doc).toContain('AMD EPYC, 2 cores, 24 GiB RAM, Node v20.20.2');
    expect(doc).toContain('QUICK-mode figures');
    expect(doc).toContain('in 95 s');
  });

  it('does not call a full run quick', () => {
    expect(renderPerformanceDoc({ ...results, quick: false })).not.toContain('QUICK');
  });

  it('says so when the run was stopped before its last section', () => {
    expect(renderPerformanceDoc(results)).not.toContain('stopped');
    expect(renderPerformanceDoc({ ...results, complete: false })).toContain('The run was stopped before it finished');
  });
});

describe('markdownCell', () => {
  it('shows missing figures as a dash and keeps one line per cell', () => {
    expect(markdownCell(null)).toBe('–');
    expect(markdownCell(undefined)).toBe('–');
    expect(markdownCell('two\nlines')).toBe('two lines');
    expect(markdownCell(0.00361)).toBe('0.004');
  });
});

describe('replaceSections', () => {
  const other: SectionTable = { id: 'parse', title: 'Parse throughput', note: 'parse note', columns: ['format'], rows: [{ format: 'json' }] };
  const doc = renderPerformanceDoc({ ...results, sections: [section, other] });

  it('replaces only the sections of a partial run, saying when they were measured', () => {
    const partial: BenchResults = { ...results, date: '2026-12-05T07:00:00.000Z', sections: [{ ...other, rows: [{ format: 'csv' }] }] };
    const next = replaceSections(doc, partial);
    expect(next).toContain('| csv |');
    expect(next).not.toContain('| json |');
    expect(next).toContain('| flat-rename | 30,106 | 2.24 |');
    expect(next).toContain('measured 2026-12-05T07:00:00.000Z in a run of this section alone');
    expect(next.match(/## Parse throughput/g)).toHaveLength(1);
    expect(replaceSections(next, partial)).toBe(next);
  });

  it('adds a section the page does not have yet at the end', () => {
    const size: SectionTable = { id: 'size', title: 'Mappings at enterprise size', note: 'n', columns: ['rules'], rows: [{ rules: '250' }] };
    const next = replaceSections(doc, { ...results, sections: [size] });
    expect(next.startsWith(doc)).toBe(true);
    expect(next.trimEnd().endsWith('| 250 |')).toBe(true);
  });
});
