/**
 * The output preview panel: the input picker, the notice (and confirmation)
 * for a test input masked for display, and the output with its lineage.
 * The run's progress and Cancel are the toolbar's (they follow the live run).
 */
import { useState } from 'react';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import { ErrorNotice } from '../components/ErrorNotice';
import './preview.css';
import { LineageView } from './LineageView';
import { PreviewOutput, type OutputView } from './PreviewOutput';
import { PreviewParameters } from './PreviewParameters';
import type { Parameter } from '../../../mapping-engine/compiler/run-parameters';
import type { LiveFeedback } from './use-live-feedback';

/** Props of {@link PreviewPanel}. */
export interface PreviewPanelProps {
  live: LiveFeedback;
  targetFormat: PayloadFormat | undefined;
  /** Selects the rule of a target field in the rules view. */
  onShowRule: (targetPath: string) => void;
  /** Why nothing runs (the document does not compile), if so. */
  blocked: boolean;
  /** The run parameters the document declares, for the Parameters form. */
  parameters?: Readonly<Record<string, Parameter>>;
}

/** Shows the live preview. */
export function PreviewPanel({ live, targetFormat, onShowRule, blocked, parameters }: PreviewPanelProps) {
  const { choices, choice, preview } = live;
  const status = preview.status;
  const [view, setView] = useState<OutputView>('tree');
  const result = preview.lastDone?.result;
  return (
    <div className="live-preview">
      <div className="preview-bar">
        <label className="preview-picker">
          <span>Input</span>
          <select aria-label="Preview input" value={choice?.id ?? ''} onChange={(e) => live.choose(e.target.value)} disabled={choices.length === 0}>
            {choices.length === 0 && <option value="">no sample or test input</option>}
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        {status?.state === 'cancelled' && (
          <>
            <span className="muted small" data-testid="run-cancelled">
              cancelled
            </span>
            <button type="button" className="button button-small" onClick={preview.rerun}>
              Run again
            </button>
          </>
        )}
        {preview.masking === 'for-display' && live.shown && (
          <span className="chip" title={preview.maskedPaths.join(', ')}>
            masked for display
          </span>
        )}
      </div>
      <PreviewParameters parameters={parameters} values={live.params} onChange={live.setParam} />
      {choices.length === 0 ? (
        <p className="muted">Add a source sample or a test case to see the output of every edit here.</p>
      ) : !live.shown ? (
        <div className="notice notice-warning" role="alert" data-testid="mask-consent">
          <p>
            Test inputs can hold real personal data. This one is masked for display with the project's masking key
            {preview.masking === 'for-display' ? ` (${preview.maskedPaths.length} field${preview.maskedPaths.length === 1 ? '' : 's'} masked${preview.maskedPaths.length ? `: ${preview.maskedPaths.join(', ')}` : ''})` : ''}. Values the
            masker does not recognise as personal are shown as they are.
          </p>
          <button type="button" className="button" onClick={live.confirm}>
            Show the masked preview
          </button>
        </div>
      ) : (
        <>
          {blocked && <p className="muted">The document does not compile; the preview shows the last output that ran.</p>}
          {preview.error && <ErrorNotice error={preview.error} />}
          {status?.state === 'failed' && status.error && <ErrorNotice error={status.error} />}
          {!result && !preview.error && status?.state !== 'failed' && <p className="muted">Mapping {choice?.label}…</p>}
          {result && (
            <PreviewOutput
              result={result}
              format={targetFormat}
              inputKey={choice?.id}
              selected={live.selected}
              onSelect={(path) => live.select(path === live.selected ? undefined : path)}
              view={view}
              onView={setView}
            />
          )}
          {live.lineage && <LineageView lineage={live.lineage} onShowRule={onShowRule} onClose={() => live.select(undefined)} />}
        </>
      )}
    </div>
  );
}
