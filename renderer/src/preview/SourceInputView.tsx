/**
 * The input the preview maps, as a folding tree, with the source values of
 * the selected output value's lineage marked. What is shown is what the
 * backend made safe to show (see use-preview-input.ts).
 */
import { useMemo } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { PreviewInputPage } from '../../../electron/contract/methods/preview-methods';
import { ErrorNotice } from '../components/ErrorNotice';
import { jsonTree } from './output-tree';
import { OutputTreeView } from './OutputTreeView';
import { pageValue } from './source-value';

/** Props of {@link SourceInputView}. */
export interface SourceInputViewProps {
  page: PreviewInputPage | undefined;
  error: CodedErrorData | undefined;
  /** The input's name, as the picker shows it. */
  label: string | undefined;
  /** Paths in the input the selected output value read. */
  highlighted: readonly string[];
  /** False while the user has not confirmed showing a test input masked for display. */
  shown: boolean;
}

const NONE = new Set<string>();

/** Shows the page of the preview input. */
export function SourceInputView({ page, error, label, highlighted, shown }: SourceInputViewProps) {
  const value = useMemo(() => (page ? pageValue(page.page) : undefined), [page]);
  const tree = useMemo(() => (value === undefined ? undefined : jsonTree(value)), [value]);
  if (!label) return <p className="muted">This project has no source sample or test input yet.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!page) return <p className="muted">Loading…</p>;
  if (!shown) return <p className="muted">The test input is shown once you confirm it in the output preview.</p>;
  const { total, totalExact, records } = page.page;
  return (
    <div className="source-input" data-testid="source-input">
      <p className="muted small">
        {label} · {totalExact ? total : `about ${total}`} record{total === 1 ? '' : 's'}
        {page.masking === 'for-display' ? ' · masked for display' : ''}
      </p>
      {tree ? (
        <OutputTreeView root={tree} changed={NONE} changedInside={NONE} selected={undefined} onSelect={() => undefined} highlighted={highlighted} label="Source input" testId="source-tree" selectable={false} />
      ) : (
        <pre data-testid="project-source-preview">{records.map((record) => record.text).join('\n\n')}</pre>
      )}
      {page.page.truncated && <p className="muted">Showing the first {records.length}.</p>}
    </div>
  );
}
