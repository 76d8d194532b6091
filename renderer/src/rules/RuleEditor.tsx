/**
 * The editor of one target field's rule, opened from the rules table with
 * Enter: its sources (with completion over the source fields), its chain
 * of transforms (added from the searchable palette, each with its
 * parameter form; moved, edited, removed), its required policy, default and
 * notes. Every change is one edit of the document store; typing in a field
 * is one undo step per burst. Escape goes back to the table.
 */
import { useState, type KeyboardEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, RequiredPolicy } from '../../../mapping-engine/document/edits/edit-types';
import { describeTransform } from '../../../mapping-engine/transforms/registry';
import type { TransformNode } from '../../../mapping-engine/transforms/transform-node';
import type { DocumentState } from '../document/document-store';
import { Combobox } from './Combobox';
import { filterOptions, type SourceOption } from './source-options';
import type { TargetRow } from './target-rows';
import { TransformForm } from './TransformForm';
import { TransformPalette } from './TransformPalette';
import { kindInfoOf } from './transform-catalog';
import { parseScalar, showScalar } from './transform-form';
import { columnsOfTables } from './table-text';
import { useFileTables } from '../document/file-tables';
import { useValueMapData, ValueMapDataContext } from '../document/field-values';

/** Props of {@link RuleEditor}. */
export interface RuleEditorProps {
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  row: TargetRow;
  sources: readonly SourceOption[];
  readOnly: boolean;
  /** Where a new rule for this field goes in the rule list (schema order). */
  insertIndex: number;
  onClose: () => void;
}

const POLICIES: ReadonlyArray<{ value: RequiredPolicy; label: string }> = [
  { value: 'omit', label: 'Leave out when empty' },
  { value: 'default', label: 'Use a default when empty' },
  { value: 'error', label: 'Error when empty' },
];

function describe(node: TransformNode): string {
  try {
    return describeTransform(node);
  } catch {
    return node.kind;
  }
}

/** What is open below the transform list. */
type Open = { kind: 'palette' } | { kind: 'edit'; index: number } | undefined;

/** The editor. */
export function RuleEditor({ store, doc, row, sources, readOnly, insertIndex, onClose }: RuleEditorProps) {
  const rule = row.rule;
  const target = rule?.target ?? row.path;
  const [open, setOpen] = useState<Open>();
  const apply = (edit: DocumentEdit, gesture?: string) => store.getState().apply(edit, gesture ? { gesture } : {});
  const completions = (typed: string) => filterOptions(sources, typed).map((o) => ({ value: o.path, detail: o.type }));
  const lookups = Object.keys(doc.lookups);
  const tableColumns = columnsOfTables(doc.lookups, useFileTables());
  const valueData = useValueMapData(doc, rule?.target);

  const addSource = (source: string) => {
    if (!rule) apply({ kind: 'addRule', rule: { target, sources: [source] }, index: insertIndex });
    else if (!rule.sources.includes(source)) apply({ kind: 'setSources', target, sources: [...rule.sources, source] });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      store.getState().sealGesture();
      onClose();
    }
  };

  const editor = (
    <section className="rule-editor" aria-label={`Rule for ${row.path}`} onKeyDown={onKey}>
      <header className="rule-editor-header">
        <button type="button" className="button button-secondary button-small" onClick={onClose} title="Back to the table (Escape)">
          ← Rules
        </button>
        <h3 className="rule-editor-title">{row.path}</h3>
        <span className="chip">{row.type || 'not in schema'}</span>
        {row.required && <span className="chip chip-bad">required</span>}
        {rule && (
          <button type="button" className="button button-secondary button-small rule-unmap" disabled={readOnly} onClick={() => apply({ kind: 'removeRule', target })}>
            Unmap
          </button>
        )}
      </header>
      {row.problem && <p className="field-problem">{row.problem}</p>}

      <div className="rule-section">
        <h4 className="field-label">Sources</h4>
        {rule && rule.sources.length > 0 && (
          <ul className="rule-sources" aria-label="Sources">
            {rule.sources.map((source) => (
              <li key={source} className="rule-source">
                <code>{source}</code>
                <button type="button" className="icon-button" disabled={readOnly} aria-label={`Remove source ${source}`} onClick={() => apply({ kind: 'setSources', target, sources: rule.sources.filter((s) => s !== source) })}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        {!rule && <p className="muted small">Not mapped. Pick a source field to map it.</p>}
        <Combobox label={rule ? 'Add source field' : 'Source field'} placeholder="type a source field…" options={completions} onPick={addSource} allowFree autoFocus={!rule} disabled={readOnly} />
      </div>

      {rule && (
        <div className="rule-section">
          <h4 className="field-label">Transforms</h4>
          {rule.transforms.length === 0 && <p className="muted small">None: the value is copied.</p>}
          <ol className="rule-transforms" aria-label="Transforms">
            {rule.transforms.map((node, i) => {
              const label = kindInfoOf(node.kind)?.label ?? node.kind;
              return (
                <li key={`${i}-${node.kind}`} className="rule-transform">
                  {open?.kind === 'edit' && open.index === i ? (
                    <TransformForm
                      info={kindInfoOf(node.kind)!}
                      node={node}
                      lookups={lookups}
                      tableColumns={tableColumns}
                      submitLabel="Save"
                      onSubmit={(next) => {
                        if (apply({ kind: 'setTransform', target, index: i, transform: next }).ok) setOpen(undefined);
                      }}
                      onCancel={() => setOpen(undefined)}
                    />
                  ) : (
                    <>
                      <span className="rule-transform-text">
                        <span className="rule-transform-index">{i + 1}.</span> <strong>{label}</strong> <span className="muted">{describe(node)}</span>
                      </span>
                      <span className="rule-transform-actions">
                        <button type="button" className="icon-button" disabled={readOnly || !kindInfoOf(node.kind)} aria-label={`Edit ${label} (transform ${i + 1})`} onClick={() => setOpen({ kind: 'edit', index: i })}>
                          ✎
                        </button>
                        <button type="button" className="icon-button" disabled={readOnly || i === 0} aria-label={`Move ${label} up`} onClick={() => apply({ kind: 'moveTransform', target, from: i, to: i - 1 })}>
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-button"
                          disabled={readOnly || i === rule.transforms.length - 1}
                          aria-label={`Move ${label} down`}
                          onClick={() => apply({ kind: 'moveTransform', target, from: i, to: i + 1 })}
                        >
                          ↓
                        </button>
                        <button type="button" className="icon-button" disabled={readOnly} aria-label={`Remove ${label} (transform ${i + 1})`} onClick={() => apply({ kind: 'removeTransform', target, index: i })}>
                          ✕
                        </button>
                      </span>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
          {open?.kind === 'palette' ? (
            <TransformPalette
              lookups={lookups}
              tableColumns={tableColumns}
              onAdd={(node) => {
                if (apply({ kind: 'insertTransform', target, index: rule.transforms.length, transform: node }).ok) setOpen(undefined);
              }}
              onCancel={() => setOpen(undefined)}
            />
          ) : (
            <button type="button" className="button button-secondary button-small" disabled={readOnly} onClick={() => setOpen({ kind: 'palette' })}>
              + Add transform
            </button>
          )}
        </div>
      )}

      {rule && (
        <div className="rule-section rule-policy">
          <label className="field-label" htmlFor="rule-policy">
            When empty
          </label>
          <select
            id="rule-policy"
            className="text-input"
            aria-label="Required policy"
            disabled={readOnly}
            value={rule.required}
            onChange={(e) => {
              const required = e.target.value as RequiredPolicy;
              apply(required === 'default' ? { kind: 'setRequired', target, required, default: rule.default ?? '' } : { kind: 'setRequired', target, required });
            }}
          >
            {POLICIES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          {rule.required === 'default' && (
            <>
              <label className="field-label" htmlFor="rule-default">
                Default value
              </label>
              <input
                id="rule-default"
                className="text-input"
                disabled={readOnly}
                value={showScalar(rule.default)}
                onChange={(e) => apply({ kind: 'setDefault', target, default: parseScalar(e.target.value) }, `default:${target}`)}
                onBlur={() => store.getState().sealGesture()}
              />
            </>
          )}
        </div>
      )}

      {rule && (
        <div className="rule-section">
          <label className="field-label" htmlFor="rule-notes">
            Notes
          </label>
          <textarea
            id="rule-notes"
            className="text-input rule-notes"
            rows={2}
            disabled={readOnly}
            value={rule.notes ?? ''}
            onChange={(e) => apply({ kind: 'setNotes', target, ...(e.target.value ? { notes: e.target.value } : {}) }, `notes:${target}`)}
            onBlur={() => store.getState().sealGesture()}
          />
        </div>
      )}
    </section>
  );
  // The transform forms inside offer the sample's and the target's values to a value map.
  return <ValueMapDataContext.Provider value={valueData}>{editor}</ValueMapDataContext.Provider>;
}
