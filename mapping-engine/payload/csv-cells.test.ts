import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/helpers/seeded-random';
import { joinCsvTable } from './csv-cells';

/** The guard writeCsv passes (csv-write.ts): starts like a formula but is not a plain number. */
const FORMULA = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

/** What writeCsv asked of papaparse before joinCsvTable replaced it. */
function papa(table: string[][], delimiter: string, newline: string, quoteChar: string, width: number): string {
  return Papa.unparse(table, { delimiter, newline, quoteChar, escapeFormulae: FORMULA, quotes: (cell: unknown) => width === 1 && cell === '' });
}

const PIECES = ['', ' ', 'a', 'plain text', '"', "'", ',', ';', '\t', '|', '\r', '\n', '\r\n', '\ufeff', '=', '+', '-', '@', '-12.5', '+3112345678', '=SUM(A1)', '1e5', 'é', '😀', '  x  '];

describe('joinCsvTable', () => {
  it('writes what papaparse writes on fuzzed tables in every dialect', () => {
    const random = seededRandom(1604);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 400; round++) {
      const delimiter = pick([',', ';', '\t', '|']);
      const newline = pick(['\n', '\r\n', '\r']);
      const quoteChar = pick(['"', "'"]);
      const width = 1 + Math.floor(random() * 4);
      const table = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: random() < 0.1 ? Math.floor(random() * 6) : width }, () => Array.from({ length: Math.floor(random() * 3) }, () => pick(PIECES)).join('')),
      );
      expect(joinCsvTable(table, { delimiter, newline, quoteChar, formula: FORMULA, width })).toBe(papa(table, delimiter, newline, quoteChar, width));
    }
  });
});
