/** One CSV line to cells, for the hand-written batch baseline. */

/**
 * Splits one CSV line with RFC 4180 quotes (the generated files have no line
 * breaks inside values, so a line is a record). Kept minimal: it is what a
 * hand-written converter for known data does, not a general CSV reader.
 */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
