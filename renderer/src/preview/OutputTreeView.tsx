/**
 * A folding tree of the preview's output. Containers fold (native
 * details/summary, so the keyboard and screen readers work as usual);
 * leaves are buttons that ask for their lineage. Values changed since the
 * last run are marked, and a folded branch with a change inside is marked too.
 */
import type { OutputNode } from './output-tree';
import { isInside } from './source-value';

/** Props of {@link OutputTreeView}. */
export interface OutputTreeViewProps {
  root: OutputNode;
  changed: ReadonlySet<string>;
  changedInside: ReadonlySet<string>;
  selected: string | undefined;
  onSelect: (path: string) => void;
  /** Values to mark as read (the source side of a lineage). */
  highlighted?: readonly string[];
  /** The tree's accessible name. */
  label?: string;
  testId?: string;
  /** False: leaves are plain text (the source side), not buttons. */
  selectable?: boolean;
}

/** Nodes rendered open by default: deeper ones start folded when the tree is big. */
const OPEN_DEPTH = 3;

function NodeView({ node, depth, props }: { node: OutputNode; depth: number; props: OutputTreeViewProps }) {
  if (node.kind === 'value') {
    const changed = props.changed.has(node.path);
    const hit = props.highlighted !== undefined && props.highlighted.length > 0 && isInside(node.path, props.highlighted);
    if (props.selectable === false) {
      return (
        <li className="out-leaf">
          <span className="out-key">{node.label}</span>
          <span className={`out-value out-plain${hit ? ' out-source-hit' : ''}`} data-path={node.path} data-read={hit || undefined}>
            {node.text}
          </span>
        </li>
      );
    }
    return (
      <li className="out-leaf">
        <span className="out-key">{node.label}</span>
        <button
          type="button"
          className={`out-value${changed ? ' out-changed' : ''}${props.selected === node.path ? ' out-selected' : ''}${hit ? ' out-source-hit' : ''}`}
          data-path={node.path}
          data-changed={changed || undefined}
          data-read={hit || undefined}
          aria-label={`${node.path || node.label}: ${node.text ?? ''}${changed ? ' (changed)' : ''}, show where it comes from`}
          aria-pressed={props.selected === node.path}
          onClick={() => props.onSelect(node.path)}
        >
          {node.text}
        </button>
      </li>
    );
  }
  const count = node.children?.length ?? 0;
  return (
    <li className="out-branch">
      <details open={depth < OPEN_DEPTH || count <= 8}>
        <summary className={props.changedInside.has(node.path) ? 'out-changed-inside' : undefined}>
          <span className="out-key">{node.label}</span> <span className="muted">{node.kind === 'array' ? `[${count}]` : `{${count}}`}</span>
        </summary>
        <ul className="out-children">
          {node.children?.map((child) => <NodeView key={child.path} node={child} depth={depth + 1} props={props} />)}
        </ul>
      </details>
    </li>
  );
}

/** Shows `props.root` as a folding tree. */
export function OutputTreeView(props: OutputTreeViewProps) {
  return (
    <ul className="out-tree" role="list" aria-label={props.label ?? 'Output'} data-testid={props.testId ?? 'output-tree'}>
      <NodeView node={props.root} depth={0} props={props} />
    </ul>
  );
}
