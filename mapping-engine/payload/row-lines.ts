/**
 * Where each row of a CSV file starts, so an error can name a record by the
 * line a user finds it on in an editor. Rows usually follow one per line
 * after the header, so only the rows that do not (after a quoted field
 * spanning lines, a blank or a comment line) are kept: row `i` starts on
 * line `first + i` unless a jump at or before it says otherwise. Small, so
 * it rides in the payload's meta across processes.
 */

/** Lines of a file's rows (see the module comment). */
export interface RowLines {
  /** 1-based line of row 0. */
  first: number;
  /** `[row, line]` for each row that does not start on the line after the previous row's start, in row order. */
  jumps: Array<[number, number]>;
}

/** Jumps kept at most: a file with more (every row spanning lines) names records by number instead. */
export const MAX_ROW_LINE_JUMPS = 10_000;

/** Collects {@link RowLines} as rows are read, in order. */
export class RowLinesRecorder {
  private first: number | undefined;
  private readonly jumps: Array<[number, number]> = [];
  private last = { row: -1, line: 0 };
  private overflow = false;

  /** Notes that row `row` (0-based, consecutive) starts on `line`. */
  note(row: number, line: number): void {
    if (this.first === undefined) this.first = line;
    else if (line !== this.last.line + (row - this.last.row)) {
      if (this.jumps.length >= MAX_ROW_LINE_JUMPS) this.overflow = true;
      else this.jumps.push([row, line]);
    }
    this.last = { row, line };
  }

  /** What was collected; undefined without rows or past {@link MAX_ROW_LINE_JUMPS}. */
  result(): RowLines | undefined {
    return this.first === undefined || this.overflow ? undefined : { first: this.first, jumps: this.jumps };
  }
}

/** The 1-based line row `row` (0-based) starts on. */
export function lineOfRow(lines: RowLines, row: number): number {
  let low = 0;
  let high = lines.jumps.length - 1;
  let base: [number, number] = [0, lines.first];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const jump = lines.jumps[middle]!;
    if (jump[0] <= row) {
      base = jump;
      low = middle + 1;
    } else high = middle - 1;
  }
  return base[1] + (row - base[0]);
}

/** Whether `value` is {@link RowLines} (it crossed a process boundary as JSON). */
export function isRowLines(value: unknown): value is RowLines {
  if (typeof value !== 'object' || value === null) return false;
  const { first, jumps } = value as Partial<RowLines>;
  return typeof first === 'number' && Array.isArray(jumps) && jumps.every((j) => Array.isArray(j) && typeof j[0] === 'number' && typeof j[1] === 'number');
}
