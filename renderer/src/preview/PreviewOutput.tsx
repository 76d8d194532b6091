/**
 * The finished preview run: its input, validation and timing chips, the
 * field errors and schema violations, and the output in the target format
 * (JSON and XML as folding trees, CSV as a table, anything else as text),
 * with the values that changed since the previous run marked.
 */
import { useMemo, useRef } from 'react';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import type { RunOutcome } from '../../../electron/contract/methods/engine-methods';
import { changedBranches, changedPaths, csvRows, csvTree, jsonTree, leafValues, type OutputNode } from './output-tree';
import { OutputTable } from './OutputTable';
import { OutputTreeView } from './OutputTreeView';
import { xmlTree } from './xml-tree';

/** How the output is shown: as a tree (or table), or as the text the target format gets. */
export type OutputView = 'tree' | 'text';

/** Props of {@link PreviewOutput}. */
export interface PreviewOutputProps {
  result: RunOutcome;
  format: PayloadFormat | undefined;
  /** Identifies the input and project: changes are marked only between runs of the same input. */
  inputKey: string | undefined;
  selected: string | undefined;
  onSelect: (path: string) => void;
  view: OutputView;
  onView: (view: OutputView) => void;
}

function formatKb(chars: number): string {
  return chars < 1024 ? `${chars} characters` : `${Math.round(chars / 1024)} KB`;
}

/** The output as a tree (and CSV rows), or undefined when the slice cannot be read (cut). */
function shapeOf(text: string, truncated: boolean, format: PayloadFormat | undefined): { tree?: OutputNode; rows?: string[][] } {
  if (truncated || text === '') return {};
  try {
    if (format === 'xml') return { tree: xmlTree(text) };
    if (format === 'csv') {
      const rows = csvRows(text);
      return { tree: csvTree(rows), rows };
    }
    if (format === 'jsonl') return { tree: jsonTree(text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown)) };
    return { tree: jsonTree(JSON.parse(text) as unknown) };
  } catch {
    return {};
  }
}

/** Shows one finished run. */
/** What the validation chip says; a run that failed produced no output to check, whatever the target has. */
function validationLabel(result: RunOutcome): string {
  if (result.validated) return result.violations.length ? `${result.violations.length} schema violation(s)` : 'valid against the target schema';
  return result.fieldErrors.length > 0 && result.outputText === '' ? 'not validated: the run failed' : 'no target schema';
}

export function PreviewOutput({ result, format, inputKey, selected, onSelect, view, onView }: PreviewOutputProps) {
  const shape = useMemo(() => shapeOf(result.outputText, result.outputTruncated, format), [result.outputText, result.outputTruncated, format]);
  // The previous run's leaves, per input: a change of input is not a change of the output.
  const previous = useRef<{ key?: string; text?: string; leaves?: Map<string, string>; before?: Map<string, string> }>({});
  const leaves = useMemo(() => (shape.tree ? leafValues(shape.tree) : undefined), [shape.tree]);
  const memo = previous.current;
  if (memo.text !== result.outputText || memo.key !== inputKey) {
    previous.current = { key: inputKey, text: result.outputText, leaves, before: memo.key === inputKey ? memo.leaves : undefined };
  }
  const before = previous.current.before;
  const changed = useMemo(() => (leaves ? changedPaths(leaves, before) : new Set<string>()), [leaves, before]);
  const inside = useMemo(() => (shape.tree ? changedBranches(shape.tree, changed) : new Set<string>()), [shape.tree, changed]);
  const timing = Object.entries(result.timings)
    .filter(([name]) => name === 'evalMs' || name === 'compileMs')
    .map(([name, ms]) => `${name.replace(/Ms$/, '')} ${ms.toFixed(1)} ms`)
    .join(' · ');
  return (
    <div className="run-output">
      <div className="output-meta">
        <span className={`chip ${result.validated ? (result.violations.length ? 'chip-bad' : 'chip-good') : ''}`} data-testid="validation-state">
          {validationLabel(result)}
        </span>
        {changed.size > 0 && (
          <span className="chip chip-changed" data-testid="changed-count">
            {changed.size} value{changed.size === 1 ? '' : 's'} changed
          </span>
        )}
        {timing && <span className="chip">{timing}</span>}
        {shape.tree && (
          <span className="view-switch" role="radiogroup" aria-label="Output view">
            {(['tree', 'text'] as const).map((v) => (
              <label key={v} className="view-option">
                <input type="radio" name="output-view" value={v} checked={view === v} onChange={() => onView(v)} />
                {v === 'tree' ? (shape.rows ? 'Table' : 'Tree') : 'Text'}
              </label>
            ))}
          </span>
        )}
      </div>
      {result.fieldErrors.length > 0 && (
        <ul className="issue-list" data-testid="field-errors">
          {result.fieldErrors.map((e, i) => (
            <li key={i} className="issue issue-error">
              <code>{e.code}</code> {e.field && <strong>{e.field}</strong>} {e.message}
            </li>
          ))}
        </ul>
      )}
      {view === 'text' || !shape.tree ? (
        result.outputText && (
          <pre className="code-view output-text" data-testid="run-output">
            {result.outputText}
          </pre>
        )
      ) : shape.rows ? (
        <OutputTable rows={shape.rows} changed={changed} selected={selected} onSelect={onSelect} />
      ) : (
        <OutputTreeView root={shape.tree} changed={changed} changedInside={inside} selected={selected} onSelect={onSelect} />
      )}
      {result.outputTruncated && <p className="muted">Showing the first {formatKb(result.outputText.length)} of {formatKb(result.outputChars)} as text.</p>}
    </div>
  );
}
