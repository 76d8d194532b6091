/**
 * The live feedback on the canvas trees: the Problems panel's entries on
 * their target fields (errors before warnings), and the lineage of the
 * selected output value (the target field it belongs to and the source
 * fields its rule reads). Fields are found through the document's links, so
 * the names are the canvas's own; a field hidden in a collapsed parent (or
 * not loaded yet) is marked at the parent row that shows, as "inside".
 */
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import { namesOfPath } from '../../../mapping-engine/document/canvas/canvas-scope';
import type { RowMarks } from '../fields/FieldTree';
import { nearestVisibleRow, nodeForNames, type FieldNode, type FieldTree, type VisibleRows } from '../fields/field-tree-model';

/** A problem as the canvas shows it. */
export interface CanvasProblem {
  target?: string | undefined;
  severity: 'error' | 'warning';
  message: string;
}

/** What the canvas marks besides its links. */
export interface CanvasFeedback {
  problems: readonly CanvasProblem[];
  /** The target field (as rules name it) of the selected output value, if any. */
  lineageTarget?: string | undefined;
}

function marked(marks: Map<number, RowMarks>, index: number): RowMarks {
  const own = marks.get(index);
  const copy: RowMarks = own ? { ...own } : { links: 0, hiddenLinks: 0 };
  marks.set(index, copy);
  return copy;
}

/** The node for `names` and, when it does not show itself, the row above it that does. */
function placesOf(tree: FieldTree, view: VisibleRows | undefined, names: readonly string[]): { own?: FieldNode; shown?: FieldNode } {
  const node = nodeForNames(tree, names);
  if (!node) return {};
  const own = node.names.length === names.length ? node : undefined;
  if (!view) return own ? { own } : { shown: node };
  const { row, exact } = nearestVisibleRow(tree, view, node.index);
  const shown = row >= 0 && !(exact && own) ? view.rows[row]!.node : undefined;
  return { ...(own ? { own } : {}), ...(shown ? { shown } : {}) };
}

/**
 * `marks` with the feedback added for the tree at link end `end` (a new
 * map; the rows' own marks are copied, never changed); `view`, the rows
 * that show, places marks of hidden fields on their parents.
 */
export function withFeedbackMarks(base: ReadonlyMap<number, RowMarks>, tree: FieldTree | undefined, links: readonly CanvasLink[], feedback: CanvasFeedback | undefined, end: 'from' | 'to', view?: VisibleRows): ReadonlyMap<number, RowMarks> {
  if (!tree || !feedback || (feedback.problems.length === 0 && feedback.lineageTarget === undefined)) return base;
  const marks = new Map(base);
  if (end === 'to') {
    const sorted = [...feedback.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const add = (node: FieldNode, problem: CanvasProblem, text: string) => {
      const mark = marked(marks, node.index);
      // The first (worst) problem names the row; more are counted.
      mark.problem = mark.problem ? { ...mark.problem, count: mark.problem.count + 1 } : { severity: problem.severity, text, count: 1 };
    };
    for (const problem of sorted) {
      const names = problem.target === undefined ? undefined : namesOfPath(problem.target);
      if (!names) continue;
      const { own, shown } = placesOf(tree, view, names);
      if (own) add(own, problem, problem.message);
      if (shown) add(shown, problem, `inside: ${problem.target}: ${problem.message}`);
    }
  }
  const target = feedback.lineageTarget;
  if (target !== undefined) {
    const own = links.filter((l) => l.kind === 'rule' && l.target === target);
    const ends = end === 'to' ? [own[0]?.targetNames ?? namesOfPath(target)] : own.map((l) => l.sourceNames);
    for (const names of ends) {
      const { own, shown } = names ? placesOf(tree, view, names) : {};
      for (const node of [own, shown]) if (node) marked(marks, node.index).lineage = end === 'to' ? 'written' : 'read';
    }
  }
  return marks;
}
