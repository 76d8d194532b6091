/**
 * The source field paths the JSONata editor completes, for the open
 * project. Monaco's completion provider is registered once per page, so it
 * reads the paths from here; the studio view keeps them current
 * (use-completion-sources.ts).
 */

let paths: readonly string[] = [];

/** Replaces the paths (dotted, without array marks: `contacts.type`). */
export function setCompletionSources(next: readonly string[]): void {
  paths = next;
}

/**
 * The completion path of a schema row's path: array marks dropped, since JSONata maps over
 * arrays implicitly (`contacts[].type` reads as `contacts.type`), and so is the root's mark when
 * the source is a list of rows (a CSV row's `[].Lieferant` is `Lieferant` in a rule, not `.Lieferant`).
 */
export function completionPathOf(rowPath: string): string {
  return rowPath.replace(/\[\]/g, '').replace(/^\./, '');
}

/** The current paths. */
export function completionSources(): readonly string[] {
  return paths;
}
