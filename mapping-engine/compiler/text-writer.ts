/** Appends generated text while recording the span each target field occupies. */

/** A [start, end) range of UTF-16 offsets in the generated text. */
export interface Span {
  start: number;
  end: number;
}

/** Builds text line by line, two spaces per indent level. */
export class TextWriter {
  private text = '';
  readonly spans = new Map<string, Span>();

  /** Current length (the offset the next write starts at). */
  get offset(): number {
    return this.text.length;
  }

  /** Appends raw text. */
  write(text: string): void {
    this.text += text;
  }

  /** Starts a new line at `indent` levels. */
  newline(indent: number): void {
    this.text += `\n${'  '.repeat(indent)}`;
  }

  /** Records the span of `path` from `start` to the current offset. */
  mark(path: string, start: number): void {
    this.spans.set(path, { start, end: this.text.length });
  }

  toString(): string {
    return this.text;
  }
}
