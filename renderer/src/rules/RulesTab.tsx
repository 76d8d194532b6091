/**
 * The Rules tab: the table of target fields, and the editor of one field's
 * rule that Enter opens in its place (Escape goes back to the same row).
 */
import { useMemo, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { FieldError } from '../../../electron/contract/methods/engine-methods';
import type { DocumentState } from '../document/document-store';
import { useDocument } from '../document/use-document';
import { ErrorNotice } from '../components/ErrorNotice';
import { RuleEditor } from './RuleEditor';
import { RulesTable } from './RulesTable';
import { sourceOptions } from './source-options';
import { ruleInsertIndex, targetRows } from './target-rows';
import type { FieldRows } from './use-field-rows';
import { useFileTables } from '../document/file-tables';
import { targetCoverage } from '../../../mapping-engine/document/problems/problems';
import { sideFieldsOf } from '../problems/use-problems';

/** Props of {@link RulesTab}. */
export interface RulesTabProps {
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  target: FieldRows;
  source: FieldRows;
  readOnly: boolean;
  fieldErrors?: readonly FieldError[];
  compileError?: CodedErrorData;
}

/** The table, or the editor of the row being edited. */
export function RulesTab({ store, doc, target, source, readOnly, fieldErrors, compileError }: RulesTabProps) {
  const rows = useMemo(() => targetRows(doc, target.rows, fieldErrors, compileError), [doc, target.rows, fieldErrors, compileError]);
  // Counted by the engine's one definition, so the summary says what the status bar and Problems say.
  const coverage = useMemo(() => (target.rows ? targetCoverage(doc, sideFieldsOf(target.rows)).coverage : undefined), [doc, target.rows]);
  const selected = useDocument(store, (s) => s.view.selected);
  const [editing, setEditing] = useState<string>();
  // Back from the editor: the table focuses the row that was edited.
  const [returned, setReturned] = useState(false);
  const row = editing === undefined ? undefined : rows.find((r) => r.path === editing);
  const files = useFileTables();
  const options = useMemo(() => (editing === undefined ? [] : sourceOptions(doc, source.rows, editing, files)), [doc, source.rows, editing, files]);

  if (row) {
    return (
      <RuleEditor
        store={store}
        doc={doc}
        row={row}
        sources={options}
        readOnly={readOnly}
        insertIndex={ruleInsertIndex(rows, doc.rules, row.path)}
        onClose={() => {
          setEditing(undefined);
          setReturned(true);
        }}
      />
    );
  }
  return (
    <>
      {target.error && (
        <div className="rules-pad">
          <ErrorNotice error={target.error} />
        </div>
      )}
      <RulesTable
        rows={rows}
        coverage={coverage}
        selected={selected}
        readOnly={readOnly}
        onSelect={(path) => store.getState().setView({ selected: path })}
        onOpen={(path) => {
          store.getState().setView({ selected: path });
          const opened = rows.find((r) => r.path === path);
          if (opened?.kind === 'array') store.getState().setView({ tab: 'arrays' });
          else setEditing(path);
        }}
        onUnmap={(path) => {
          const unmapped = rows.find((r) => r.path === path);
          if (unmapped?.rule) store.getState().apply({ kind: 'removeRule', target: unmapped.rule.target });
          else if (unmapped?.context) store.getState().apply({ kind: 'removeArray', target: unmapped.context.target });
        }}
        truncated={target.truncated === true}
        hasSchema={target.rows !== undefined}
        focusOnMount={returned}
      />
    </>
  );
}
