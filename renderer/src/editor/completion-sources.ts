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

/** The current paths. */
export function completionSources(): readonly string[] {
  return paths;
}
