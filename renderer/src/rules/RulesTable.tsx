/**
 * The table of target fields, one row each (an ARIA grid navigated by row):
 * arrows, Home/End and Page keys move, typing a name jumps to it
 * (type-ahead), Enter edits the row's rule, Delete unmaps it. A big target
 * (thousands of fields) renders only the rows in view (row-window.ts); the
 * grid keeps its full aria-rowcount and every row its aria-rowindex.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rowWindow, type Viewport } from './row-window';
import { kindInfoOf } from './transform-catalog';
import { rowCounts, findRow, type TargetRow } from './target-rows';
import type { Coverage } from '../../../mapping-engine/document/problems/problems';

/** Props of {@link RulesTable}. */
export interface RulesTableProps {
  rows: readonly TargetRow[];
  selected: string | undefined;
  readOnly: boolean;
  onSelect: (path: string) => void;
  onOpen: (path: string) => void;
  onUnmap: (path: string) => void;
  /** The target schema has more fields than were sent. */
  truncated: boolean;
  /** False when the target has no schema or sample: only the rules are listed. */
  hasSchema: boolean;
  /** Focus the selected row when the table appears (coming back from the editor). */
  focusOnMount?: boolean;
  /** The engine's coverage of the target (the status bar's numbers); without it the rows are counted. */
  coverage?: Coverage;
}

/** What the required-unmapped count counts (the engine's targetCoverage), said where the number is. */
const REQUIRED_UNMAPPED_MEANS =
  'Required fields no rule maps that the output must have: a required group with nothing mapped counts once, and fields of an optional group with nothing mapped are not counted. Problems lists each one.';

/** Pause after which typed letters start a new type-ahead search. */
const TYPE_AHEAD_RESET_MS = 800;

/** A row's height before one is measured (px; the cells never wrap, so all rows share it). */
const ESTIMATED_ROW_HEIGHT = 26;

/** Stands in for rows not rendered (row-window.ts); hidden from assistive technology, which counts rows by aria-rowcount. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="rules-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={7} />
    </tr>
  );
}

const STATUS_LABEL: Record<TargetRow['status'], string> = { mapped: 'mapped', unmapped: 'unmapped', error: 'error', group: '' };

function chain(row: TargetRow): string {
  return (row.rule?.transforms ?? []).map((t) => kindInfoOf(t.kind)?.label ?? t.kind).join(' → ');
}

/** The grid. */
export function RulesTable({ rows, selected, readOnly, onSelect, onOpen, onUnmap, truncated, hasSchema, focusOnMount, coverage }: RulesTableProps) {
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const typed = useRef({ text: '', at: 0 });
  const focusNext = useRef(focusOnMount === true);
  const index = Math.max(0, rows.findIndex((r) => r.path === selected));
  const current = rows[index];
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: 800 });
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_HEIGHT);
  const shown = rowWindow(rows.length, rowHeight, viewport, index);
  const onScroll = () => {
    const element = scroller.current;
    if (element) setViewport({ scrollTop: element.scrollTop, height: element.clientHeight });
  };

  // The real row height and view height, once rendered (fonts and zoom decide them).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || shown.slices[0]?.to === rows.length) return;
    const row = element.querySelector<HTMLElement>('tr.rules-row');
    const measured = row?.getBoundingClientRect().height ?? 0;
    if (measured > 0 && Math.abs(measured - rowHeight) > 0.5) setRowHeight(measured);
    if (element.clientHeight !== viewport.height) setViewport({ scrollTop: element.scrollTop, height: element.clientHeight });
  }, [shown, rows.length, rowHeight, viewport.height]);

  useEffect(() => {
    if (!current) return;
    const element = rowRefs.current.get(current.path);
    element?.scrollIntoView?.({ block: 'nearest' });
    if (focusNext.current) {
      focusNext.current = false;
      element?.focus();
    }
  }, [current]);

  const move = (to: number) => {
    const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!next) return;
    focusNext.current = true;
    onSelect(next.path);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const page = 10;
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'PageDown':
        move(index + page);
        break;
      case 'PageUp':
        move(index - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter':
        if (current && !readOnly) onOpen(current.path);
        break;
      case 'Delete':
      case 'Backspace':
        if (current && !readOnly && (current.rule || current.context)) onUnmap(current.path);
        break;
      default: {
        if (event.key.length !== 1 || (event.key === ' ' && !typed.current.text)) return;
        const now = Date.now();
        const text = now - typed.current.at > TYPE_AHEAD_RESET_MS ? event.key : typed.current.text + event.key;
        typed.current = { text, at: now };
        // A new search starts after the current row; a longer one may stay on it.
        const found = findRow(rows, text, text.length === 1 ? index + 1 : index);
        if (found !== undefined) move(found);
      }
    }
    event.preventDefault();
  };

  const renderRow = (row: TargetRow, i: number) => {
    const isSelected = i === index;
    const sourcesText = row.kind === 'array' ? (row.context ? `each ${row.context.source}` : '') : (row.rule?.sources.join(', ') ?? '');
    const chainText = chain(row);
    return (
      <tr
        key={row.path}
        role="row"
        ref={(el) => {
          if (el) rowRefs.current.set(row.path, el);
          else rowRefs.current.delete(row.path);
        }}
        aria-label={`${row.path}${STATUS_LABEL[row.status] ? `, ${STATUS_LABEL[row.status]}` : ''}`}
        aria-selected={isSelected}
        aria-rowindex={i + 2}
        tabIndex={isSelected ? 0 : -1}
        className={`rules-row rules-row-${row.kind} rules-status-${row.status}${row.extra ? ' rules-row-extra' : ''}`}
        data-path={row.path}
        onClick={() => onSelect(row.path)}
        onDoubleClick={() => !readOnly && onOpen(row.path)}
      >
        <td role="gridcell" className="rules-target" style={{ paddingLeft: `${0.5 + row.depth * 0.9}rem` }} title={row.extra ? 'not in the target schema' : row.path}>
          <span className="rules-name">{row.depth > 0 ? row.name : row.path}</span>
          {row.repeating && <span className="rules-repeat" title="repeats">[]</span>}
        </td>
        <td role="gridcell" className="rules-type">
          {row.type}
        </td>
        <td role="gridcell" className="rules-required">
          {row.required ? <span title="required">●</span> : ''}
        </td>
        {/* The title shows the whole text of a cell the column cuts short. */}
        <td role="gridcell" className="rules-sources" title={sourcesText || undefined}>
          {sourcesText}
        </td>
        <td role="gridcell" className="rules-transforms" title={chainText || undefined}>
          {chainText}
        </td>
        <td role="gridcell" className="rules-policy">
          {/* Every rule's policy, omit too: an empty cell read as "no policy" while the editor said "Leave out when empty". */}
          {row.rule?.required ?? ''}
        </td>
        <td role="gridcell" className="rules-status" title={row.problem}>
          {STATUS_LABEL[row.status] && <span className={`rules-badge rules-badge-${row.status}`}>{STATUS_LABEL[row.status]}</span>}
        </td>
      </tr>
    );
  };

  const counts = { requiredUnmapped: 0, ...rowCounts(rows), ...coverage };
  return (
    <div className="rules-table-wrap">
      <p className="rules-summary muted" aria-live="polite">
        {counts.mapped} mapped · {counts.unmapped} unmapped
        {counts.requiredUnmapped > 0 && (
          <span title={REQUIRED_UNMAPPED_MEANS}> · {counts.requiredUnmapped} required unmapped</span>
        )}
        {counts.error ? ` · ${counts.error} with errors` : ''}
        {!hasSchema && ' · no target schema or sample: only the rules are listed'}
        {truncated && ' · the schema has more fields than shown'}
      </p>
      <div className="rules-scroll" ref={scroller} onScroll={onScroll}>
        <table className="rules-table" role="grid" aria-label="Target fields" aria-rowcount={rows.length + 1} onKeyDown={onKey}>
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col">Target field</th>
              <th role="columnheader" scope="col">Type</th>
              <th role="columnheader" scope="col" title="Required by the target schema">
                Req.
              </th>
              <th role="columnheader" scope="col">Sources</th>
              <th role="columnheader" scope="col">Transforms</th>
              <th role="columnheader" scope="col" title="What happens when the field computes no value">
                Policy
              </th>
              <th role="columnheader" scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.slices.flatMap((slice, n) => [
              ...(slice.gapBefore > 0 ? [<Spacer key={`gap-${n}`} height={slice.gapBefore} />] : []),
              ...rows.slice(slice.from, slice.to).map((row, at) => renderRow(row, slice.from + at)),
            ])}
            {shown.after > 0 && <Spacer height={shown.after} />}
          </tbody>
        </table>
      </div>
      <p className="rules-hint muted">Type to find a field · Enter edits · Delete unmaps · Ctrl+Z undoes</p>
    </div>
  );
}
