/**
 * The "Suggest mappings" panel: auto-map's suggestions for the open
 * project's unmapped target fields, grouped by target object, each with its
 * confidence, reason and transform. Accept or reject one, a group or all;
 * an accept is one document edit (a labelled batch), so one undo step.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { MappingSuggestionData } from '../../../electron/contract/methods/draft-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { describeChain } from '../../../mapping-engine/spec/describe-transform';
import type { MappingSuggestion } from '../../../mapping-engine/suggest/suggest-mappings';
import { suggestEdits } from '../../../mapping-engine/suggest/suggestion-edits';
import { ErrorNotice } from '../components/ErrorNotice';
import { ImportSheetDialog } from './ImportSheetDialog';
import type { DocumentState } from '../document/document-store';
import './suggest.css';

/** Props of {@link SuggestMappingsPanel}. */
export interface SuggestMappingsPanelProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string;
  readOnly: boolean;
  onClose: () => void;
}

type Suggestion = MappingSuggestionData;

function groupsOf(list: readonly Suggestion[]): Array<[string, Suggestion[]]> {
  const groups = new Map<string, Suggestion[]>();
  for (const s of list) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  // Top-level fields first, then each object or list in the order the suggestions name them.
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
}

function what(s: Suggestion): string {
  if (s.kind === 'array') return `${s.target === '.' ? 'each output row' : `${s.target}[]`} for each item of ${s.sources[0]}`;
  return `${s.target} ← ${s.sources.join(', ')}`;
}

/** Lists suggestions and accepts or rejects them. */
export function SuggestMappingsPanel({ api, store, projectPath, readOnly, onClose }: SuggestMappingsPanelProps) {
  const [all, setAll] = useState<Suggestion[]>();
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.suggestMappings({ projectPath, text: store.getState().text });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAll(result.value.suggestions);
    setGone(new Set());
  }, [api, projectPath, store]);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => (all ?? []).filter((s) => !gone.has(s.id)), [all, gone]);
  const drop = (list: readonly Suggestion[]) => setGone((before) => new Set([...before, ...list.map((s) => s.id)]));

  const accept = (chosen: readonly Suggestion[], label: string) => {
    const state = store.getState();
    if (!state.document || chosen.length === 0) return;
    const edits = suggestEdits(state.document, chosen as unknown as MappingSuggestion[], (all ?? []) as unknown as MappingSuggestion[]);
    const applied = state.apply({ kind: 'batch', edits, label }, { label });
    if (!applied.ok) return setError(applied.error);
    setError(undefined);
    // A rule brings its array context along: that suggestion is done too.
    drop([...chosen, ...shown.filter((s) => chosen.some((c) => c.requires === s.id))]);
  };

  return (
    <section className="suggest-panel" aria-label="Suggested mappings">
      <div className="suggest-head">
        <h3>
          Suggested mappings <span className="muted">{busy ? '(looking…)' : `(${shown.length})`}</span>
        </h3>
        <button type="button" className="button button-small" disabled={readOnly || shown.length === 0} onClick={() => accept(shown, `Accept ${shown.length} suggestions`)}>
          Accept all
        </button>
        <button type="button" className="button button-small button-secondary" disabled={shown.length === 0} onClick={() => drop(shown)}>
          Reject all
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => void load()} disabled={busy}>
          Refresh
        </button>
        <button type="button" className="button button-small button-secondary" disabled={readOnly} aria-haspopup="dialog" onClick={() => setImporting(true)}>
          Import sheet…
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onClose} aria-label="Close suggestions">
          Close
        </button>
      </div>
      {importing && (
        <ImportSheetDialog
          api={api}
          store={store}
          projectPath={projectPath}
          onClose={() => {
            setImporting(false);
            void load();
          }}
        />
      )}
      {error && <ErrorNotice error={error} />}
      {all && shown.length === 0 && !busy && <p className="muted">No suggestions left: every target field is mapped, or nothing in the source fits it.</p>}
      {groupsOf(shown).map(([group, list]) => (
        <div key={group} className="suggest-group" role="group" aria-label={`Suggestions for ${group || 'top-level fields'}`}>
          <div className="suggest-group-head">
            <span className="suggest-group-name">{group || 'Top-level fields'}</span>
            <button type="button" className="button button-small button-secondary" disabled={readOnly} onClick={() => accept(list, `Accept ${list.length} suggestions for ${group || 'top-level fields'}`)} aria-label={`Accept group ${group || 'top-level fields'}`}>
              Accept group
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => drop(list)} aria-label={`Reject group ${group || 'top-level fields'}`}>
              Reject group
            </button>
          </div>
          <ul className="suggest-list">
            {list.map((s) => (
              <li key={s.id} className="suggest-item" data-suggestion={s.id}>
                <span className={`suggest-confidence ${s.confidence >= 0.85 ? 'high' : s.confidence >= 0.65 ? 'medium' : 'low'}`} title="confidence">
                  {Math.round(s.confidence * 100)}%
                </span>
                <span className="suggest-what">{what(s)}</span>
                {s.transforms.length > 0 && <span className="suggest-transform">{describeChain(s.transforms, s.sources.length, s.target)}</span>}
                <span className="suggest-reason">{s.reason}</span>
                <span className="suggest-actions">
                  <button type="button" className="button button-small" disabled={readOnly} onClick={() => accept([s], `Accept suggestion for ${s.target}`)} aria-label={`Accept ${what(s)}`}>
                    Accept
                  </button>
                  <button type="button" className="button button-small button-secondary" onClick={() => drop([s])} aria-label={`Reject ${what(s)}`}>
                    Reject
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
