/**
 * One side's fields as an accessible, virtualised tree (WAI-ARIA tree
 * pattern with aria-activedescendant, so the focused row may be any of
 * thousands while only the rows on screen exist in the DOM). Rows have a
 * fixed height: a row's position is its index times {@link ROW_HEIGHT}, so
 * the canvas computes where its links end instead of measuring elements.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type UIEvent } from 'react';
import type { FieldNode, VisibleRows } from './field-tree-model';

/** Height of one row in CSS pixels (canvas.css's `.field-row` uses the same). */
export const ROW_HEIGHT = 28;
/** Rows rendered above and below the visible window, so a fast scroll shows no gap. */
const OVERSCAN = 8;
/** Type-ahead: keys typed within this pause extend the searched prefix. */
const TYPE_AHEAD_MS = 1000;

/** Per-field decorations computed by the canvas. */
export interface RowMarks {
  /** Links ending at this field. */
  links: number;
  /** Links ending inside this collapsed field (drawn at its row). */
  hiddenLinks: number;
  /** The masker's category when the field holds personal data. */
  masked?: string;
  /** The worst problem on this field (or inside it, when collapsed) and how many there are. */
  problem?: { severity: 'error' | 'warning'; text: string; count: number };
  /** Part of the selected output value's lineage: the field it was written to, or a source field it read. */
  lineage?: 'written' | 'read';
}

/** Props of {@link FieldTree}. */
export interface FieldTreeProps {
  side: 'source' | 'target';
  /** The tree's accessible name ("Source fields"). */
  label: string;
  view: VisibleRows;
  /** The row with keyboard focus (node id). */
  activeId: string | undefined;
  /** The selected field (node id). */
  selectedId: string | undefined;
  /** A source marked for a keyboard link. */
  markedId?: string;
  /** The row under a drag, and whether the drop would link. */
  drop?: { id: string; ok: boolean };
  marks: ReadonlyMap<number, RowMarks>;
  /** Scroll to show this row index (changes of `scrollRequest.seq` trigger it). */
  scrollRequest?: { row: number; seq: number };
  onViewport: (viewport: { scrollTop: number; height: number }) => void;
  onActivate: (node: FieldNode) => void;
  onToggle: (node: FieldNode, open: boolean) => void;
  /** Enter or a click on a row. */
  onSelect: (node: FieldNode) => void;
  /** Space on a row (marks a source for a keyboard link). */
  onMark?: (node: FieldNode) => void;
  onRowPointerDown?: (node: FieldNode, event: PointerEvent) => void;
  /** Ctrl+Arrow toward the other tree on a row: go to the other end of its link. */
  onJump?: (node: FieldNode) => void;
}

function rowDomId(side: string, node: FieldNode): string {
  return `${side}-field-${node.index}`;
}

function typeLabel(node: FieldNode): string {
  if (node.hasChildren) return node.repeating ? 'list of objects' : 'object';
  return node.repeating ? `list of ${node.type}` : node.type;
}

/** The accessible name: the field's name first (so type-ahead and tests find it), then what the badges show. */
function accessibleName(node: FieldNode, marks: RowMarks | undefined): string {
  const parts = [node.name, typeLabel(node)];
  if (node.required) parts.push('required');
  if (marks?.masked) parts.push(`personal data (${marks.masked}), masked in samples`);
  if (marks && marks.links > 0) parts.push(`mapped, ${marks.links} link${marks.links === 1 ? '' : 's'}`);
  else if (!node.hasChildren) parts.push('unmapped');
  if (marks && marks.hiddenLinks > 0) parts.push(`${marks.hiddenLinks} link${marks.hiddenLinks === 1 ? '' : 's'} inside`);
  if (marks?.problem) parts.push(`${marks.problem.severity}: ${marks.problem.text}${marks.problem.count > 1 ? ` (${marks.problem.count} problems)` : ''}`);
  if (marks?.lineage) parts.push(marks.lineage === 'read' ? 'read by the selected output value' : 'holds the selected output value');
  return parts.join(', ');
}

function Name({ node, match }: { node: FieldNode; match?: [number, number] }) {
  if (!match) return <span className="field-name">{node.name}</span>;
  return (
    <span className="field-name">
      {node.name.slice(0, match[0])}
      <mark>{node.name.slice(match[0], match[1])}</mark>
      {node.name.slice(match[1])}
    </span>
  );
}

/** The tree (memoised: a scroll of the other tree, with the same rows and marks, leaves it alone). */
export const FieldTree = memo(function FieldTree(props: FieldTreeProps) {
  const { side, label, view, activeId, selectedId, markedId, drop, marks, scrollRequest, onViewport, onActivate, onToggle, onSelect, onMark, onRowPointerDown, onJump } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 400 });
  const typed = useRef({ text: '', at: 0 });
  const { rows } = view;

  // The viewport height follows the panel's size (the only measurement the tree makes).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      const next = { scrollTop: el.scrollTop, height: el.clientHeight };
      setViewport(next);
      onViewport(next);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onViewport]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !scrollRequest || scrollRequest.row < 0) return;
    const top = scrollRequest.row * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - Math.max(0, (el.clientHeight - ROW_HEIGHT) / 2));
    }
  }, [scrollRequest]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    // The height comes from the resize observer: reading clientHeight here would force a layout on every scroll.
    const next = { scrollTop: event.currentTarget.scrollTop, height: viewport.height };
    setViewport(next);
    onViewport(next);
  };

  const activeRow = activeId === undefined ? -1 : rows.findIndex((r) => r.node.id === activeId);
  const moveTo = (row: number) => {
    const at = Math.max(0, Math.min(rows.length - 1, row));
    const target = rows[at];
    if (!target) return;
    onActivate(target.node);
    // Keep the active row on screen (aria-activedescendant must name a row that exists).
    const el = scroller.current;
    const top = at * ROW_HEIGHT;
    if (el && top < el.scrollTop) el.scrollTop = top;
    else if (el && top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const at = activeRow < 0 ? 0 : activeRow;
    const row = rows[at]!;
    const pageRows = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT) - 1);
    // Any other key ends a type-ahead word.
    if (event.key.length !== 1) typed.current = { text: '', at: 0 };
    if (onJump && (event.ctrlKey || event.metaKey) && event.key === (side === 'source' ? 'ArrowRight' : 'ArrowLeft')) {
      event.preventDefault();
      onJump(row.node);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeRow < 0 ? 0 : at + 1);
        break;
      case 'ArrowUp':
        moveTo(at - 1);
        break;
      case 'PageDown':
        moveTo(at + pageRows);
        break;
      case 'PageUp':
        moveTo(at - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.node.hasChildren && !row.expanded) onToggle(row.node, true);
        else if (row.expanded) moveTo(at + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) onToggle(row.node, false);
        else if (row.node.parent >= 0) moveTo(view.rowOf[row.node.parent]!);
        break;
      case 'Enter':
        onSelect(row.node);
        break;
      case ' ':
        if (!onMark) return;
        onMark(row.node);
        break;
      default: {
        // Type-ahead (WAI-ARIA tree pattern): the next row whose name starts with what was typed.
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const now = event.timeStamp;
        const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key.toLowerCase() : event.key.toLowerCase();
        typed.current = { text, at: now };
        const from = text.length > 1 ? at : at + 1;
        for (let i = 0; i < rows.length; i++) {
          const candidate = (from + i) % rows.length;
          if (rows[candidate]!.node.name.toLowerCase().startsWith(text)) {
            moveTo(candidate);
            break;
          }
        }
      }
    }
    event.preventDefault();
  };

  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const shown = rows.slice(first, last);
  const active = rows[activeRow];

  return (
    <div
      ref={scroller}
      className={`field-tree field-tree-${side}`}
      role="tree"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={active ? rowDomId(side, active.node) : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
      onFocus={() => {
        if (!active && rows[0]) onActivate(rows[0].node);
      }}
    >
      <div className="field-tree-space" role="none" style={{ height: rows.length * ROW_HEIGHT }}>
        {shown.map((row, i) => {
          const { node } = row;
          const mark = marks.get(node.index);
          // Open but with no field listed under it: its fields are on their way from the backend.
          const busy = row.expanded && rows[first + i + 1]?.node.parent !== node.index;
          const classes = ['field-row'];
          if (node.id === activeId) classes.push('is-active');
          if (node.id === selectedId) classes.push('is-selected');
          if (node.id === markedId) classes.push('is-marked');
          if (drop?.id === node.id) classes.push(drop.ok ? 'is-drop-ok' : 'is-drop-bad');
          if (mark && mark.links > 0) classes.push('is-mapped');
          if (mark?.lineage) classes.push('is-lineage');
          return (
            <div
              key={node.index}
              id={rowDomId(side, node)}
              className={classes.join(' ')}
              role="treeitem"
              aria-label={accessibleName(node, mark)}
              aria-level={node.depth + 1}
              aria-setsize={row.setsize}
              aria-posinset={row.posinset}
              aria-expanded={node.hasChildren ? row.expanded : undefined}
              aria-busy={busy || undefined}
              aria-selected={node.id === selectedId}
              data-side={side}
              data-field-id={node.id}
              style={{ top: (first + i) * ROW_HEIGHT, paddingInlineStart: 6 + node.depth * 14 }}
              onPointerDown={(event) => onRowPointerDown?.(node, event)}
              onClick={() => {
                onActivate(node);
                onSelect(node);
              }}
            >
              <span
                className="field-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  if (!node.hasChildren) return;
                  event.stopPropagation();
                  onActivate(node);
                  onToggle(node, !row.expanded);
                }}
              >
                {node.hasChildren ? (busy ? '…' : row.expanded ? '▾' : '▸') : ''}
              </span>
              <Name node={node} match={row.match} />
              {node.required && (
                <span className="field-required" title="required" aria-hidden="true">
                  *
                </span>
              )}
              <span className={`field-type field-type-${node.hasChildren ? 'object' : node.type}`} aria-hidden="true">
                {node.hasChildren ? (node.repeating ? '{…}[ ]' : '{…}') : node.repeating ? `${node.type}[ ]` : node.type}
              </span>
              {mark?.masked && (
                <span className="field-masked" title={`personal data (${mark.masked}): masked in samples`} aria-hidden="true">
                  PII
                </span>
              )}
              {mark?.problem && (
                <span className={`field-problem field-problem-${mark.problem.severity}`} title={mark.problem.text} aria-hidden="true" data-testid="field-problem">
                  {mark.problem.severity === 'error' ? '✗' : '!'}
                  {mark.problem.count > 1 ? mark.problem.count : ''}
                </span>
              )}
              {mark && mark.hiddenLinks > 0 && (
                <span className="field-hidden-links" title={`${mark.hiddenLinks} links inside`} aria-hidden="true">
                  +{mark.hiddenLinks}
                </span>
              )}
              <span className={`field-port ${mark && mark.links > 0 ? 'field-port-linked' : ''}`} aria-hidden="true" />
            </div>
          );
        })}
      </div>
    </div>
  );
});
