/**
 * The canvas's inspector: the selected field's links (each selectable by
 * keyboard), and for the selected link its rule's transform chain: insert a
 * transform from the searchable palette, edit one's parameters with inline
 * validation (the rules view's form), remove one, delete the link.
 */
import { useState } from 'react';
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import { kindInfoOf } from '../rules/transform-catalog';
import { TransformForm } from '../rules/TransformForm';
import { TransformPalette } from '../rules/TransformPalette';
import { columnsOfTables } from '../rules/table-text';
import { useFileTables } from '../document/file-tables';
import { useValueMapData, ValueMapDataContext } from '../document/field-values';

/** Props of {@link LinkInspector}. */
export interface LinkInspectorProps {
  doc: MappingDocument;
  /** The selected field's links (empty when none is selected). */
  links: readonly CanvasLink[];
  selected: CanvasLink | undefined;
  /** What the selection is (shown as the heading). */
  heading: string;
  readOnly: boolean;
  onSelectLink: (link: CanvasLink) => void;
  onDeleteLink: (link: CanvasLink) => void;
  /** Shows an array context alone (undefined: everything again). */
  onFocusContext: (link: CanvasLink | undefined) => void;
  /** The id of the focused array context's link. */
  focused?: string;
  apply: (edit: DocumentEdit, label?: string) => EditResult;
}

/** A link as a line of text: source → target. */
export function linkText(link: CanvasLink): string {
  return `${link.source} → ${link.target}`;
}

type Open = { kind: 'palette' } | { kind: 'edit'; index: number } | undefined;

/** The inspector. */
export function LinkInspector({ doc, links, selected, heading, readOnly, onSelectLink, onDeleteLink, onFocusContext, focused, apply }: LinkInspectorProps) {
  const [open, setOpen] = useState<Open>();
  const [openFor, setOpenFor] = useState<string>();
  // A new selection closes the palette or form of the previous one.
  if (openFor !== selected?.id) {
    setOpenFor(selected?.id);
    setOpen(undefined);
  }
  const rule = selected?.kind === 'rule' ? doc.rules.find((r) => r.target === selected.target) : undefined;
  const lookups = Object.keys(doc.lookups);
  const tableColumns = columnsOfTables(doc.lookups, useFileTables());
  const valueData = useValueMapData(doc, rule?.target);

  const inspector = (
    <section className="canvas-inspector" aria-label="Link inspector">
      <h3 className="canvas-inspector-heading">{heading}</h3>
      {links.length === 0 && <p className="muted small">Select a field or a link. Drag a source field onto a target field to link them (or Space on a source field, then Enter on a target field).</p>}
      {links.length > 0 && (
        <ul className="canvas-link-list" aria-label="Links of the selection">
          {links.map((link) => (
            <li key={link.id}>
              <button type="button" className={`canvas-link-choice ${link.id === selected?.id ? 'is-selected' : ''}`} aria-pressed={link.id === selected?.id} onClick={() => onSelectLink(link)}>
                {link.kind === 'array' ? 'array ' : ''}
                {linkText(link)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="canvas-link-detail">
          <div className="canvas-link-actions">
            <button type="button" className="button button-secondary button-small" disabled={readOnly || selected.kind !== 'rule'} onClick={() => onDeleteLink(selected)}>
              Delete link
            </button>
            {selected.kind === 'array' && (
              <button type="button" className="button button-secondary button-small" aria-pressed={focused === selected.id} onClick={() => onFocusContext(focused === selected.id ? undefined : selected)}>
                {focused === selected.id ? 'Show all' : 'Focus on this context'}
              </button>
            )}
            {rule && open?.kind !== 'palette' && (
              <button type="button" className="button button-secondary button-small" disabled={readOnly} onClick={() => setOpen({ kind: 'palette' })}>
                Insert transform…
              </button>
            )}
          </div>
          {rule && rule.transforms.length > 0 && (
            <ol className="canvas-chain" aria-label={`Transforms of ${rule.target}`}>
              {rule.transforms.map((node, i) => {
                const info = kindInfoOf(node.kind);
                const label = info?.label ?? node.kind;
                return (
                  <li key={`${i}-${node.kind}`} className="canvas-chain-item">
                    {open?.kind === 'edit' && open.index === i && info ? (
                      <TransformForm
                        info={info}
                        node={node as unknown as Record<string, unknown>}
                        lookups={lookups}
                        tableColumns={tableColumns}
                        submitLabel="Save"
                        onSubmit={(next) => {
                          if (apply({ kind: 'setTransform', target: rule.target, index: i, transform: next }).ok) setOpen(undefined);
                        }}
                        onCancel={() => setOpen(undefined)}
                      />
                    ) : (
                      <>
                        <span className="canvas-chain-label">{label}</span>
                        <button type="button" className="icon-button" disabled={readOnly || !info || info.params.length === 0} aria-label={`Edit ${label} (transform ${i + 1})`} onClick={() => setOpen({ kind: 'edit', index: i })}>
                          ✎
                        </button>
                        <button type="button" className="icon-button" disabled={readOnly} aria-label={`Remove ${label} (transform ${i + 1})`} onClick={() => apply({ kind: 'removeTransform', target: rule.target, index: i })}>
                          ✕
                        </button>
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {rule && open?.kind === 'palette' && (
            <TransformPalette
              lookups={lookups}
              tableColumns={tableColumns}
              onAdd={(node) => {
                if (apply({ kind: 'insertTransform', target: rule.target, index: rule.transforms.length, transform: node }).ok) setOpen(undefined);
              }}
              onCancel={() => setOpen(undefined)}
            />
          )}
        </div>
      )}
    </section>
  );
  // The transform forms inside offer the sample's and the target's values to a value map.
  return <ValueMapDataContext.Provider value={valueData}>{inspector}</ValueMapDataContext.Provider>;
}
