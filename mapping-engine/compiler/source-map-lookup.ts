/** Finds which target field a position in the compiled text belongs to (for runtime errors). */
import type { SourceMap } from './compile-document';

/** The innermost target path whose span holds `offset`, or undefined outside every field. */
export function fieldAtOffset(sourceMap: SourceMap, offset: number): string | undefined {
  let best: string | undefined;
  let bestLength = Infinity;
  for (const [path, span] of Object.entries(sourceMap)) {
    const length = span.end - span.start;
    if (offset >= span.start && offset < span.end && length < bestLength) {
      best = path;
      bestLength = length;
    }
  }
  return best;
}

/**
 * The target field a jsonata error position falls in, or undefined without a
 * position or outside every field. jsonata's position is 1-based and points
 * just past the token it stopped at, hence the step back.
 */
export function fieldAtErrorPosition(sourceMap: SourceMap, position: number | undefined): string | undefined {
  return position === undefined ? undefined : fieldAtOffset(sourceMap, Math.max(0, position - 1));
}
