/**
 * The searchable palette of the engine's transforms: type to filter, arrows
 * and Enter to pick, then the kind's parameter form (a kind without
 * parameters is added at once).
 */
import { useState } from 'react';
import type { TransformInput } from '../../../mapping-engine/document/edits/edit-types';
import { initialTransform } from '../../../mapping-engine/document/edits/transform-palette';
import { Combobox } from './Combobox';
import { searchKinds, TRANSFORM_KINDS, type TransformKindInfo } from './transform-catalog';
import { TransformForm } from './TransformForm';

/** Props of {@link TransformPalette}. */
export interface TransformPaletteProps {
  lookups: readonly string[];
  /** The columns of each table of rows, for a lookup's column. */
  tableColumns?: Readonly<Record<string, readonly string[]>>;
  onAdd: (node: TransformInput) => void;
  onCancel: () => void;
}

/** The palette, then the form of the picked kind. */
export function TransformPalette({ lookups, tableColumns, onAdd, onCancel }: TransformPaletteProps) {
  const [picked, setPicked] = useState<TransformKindInfo>();
  if (picked) {
    // The form starts from the palette's valid starting node (a lookup names the first table).
    const initial = initialTransform(picked.kind, Object.fromEntries(lookups.map((name) => [name, true])));
    return <TransformForm info={picked} node={initial} lookups={lookups} tableColumns={tableColumns} submitLabel="Add" onSubmit={onAdd} onCancel={() => setPicked(undefined)} />;
  }
  return (
    <div className="transform-palette">
      <Combobox
        label="Transform"
        placeholder="search transforms (date, trim, lookup…)"
        autoFocus
        options={(typed) => searchKinds(typed).map((k) => ({ value: k.label, detail: `${k.category} · ${k.description}` }))}
        onPick={(label) => {
          const info = TRANSFORM_KINDS.find((k) => k.label === label);
          if (!info) return;
          if (info.params.length === 0) onAdd({ kind: info.kind } as TransformInput);
          else setPicked(info);
        }}
        onEscape={onCancel}
      />
    </div>
  );
}
