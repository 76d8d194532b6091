/**
 * The values the studio knows a field takes, for forms that offer them: the
 * source samples' first records (read once for the Problems panel's checks)
 * and the target schema's allowed values by field. The Problems panel's hook
 * publishes them (one studio per page, so one set, as file-tables.ts keeps
 * the lookup tables); a rule's editor asks for the value map choices of its
 * target and hands them to the transform forms inside it through a context.
 */
import { createContext, useMemo, useSyncExternalStore } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import { sourceKeys } from '../../../mapping-engine/document/edits/value-map-choices';
import { pathNames } from '../../../mapping-engine/document/problems/problems';
import type { EnumValue } from '../../../mapping-engine/schema/model';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';

interface FieldValues {
  records: readonly unknown[];
  /** Allowed values by target field (names as JSON). */
  enums: ReadonlyMap<string, readonly EnumValue[]>;
}

let current: FieldValues = { records: [], enums: new Map() };
const listeners = new Set<() => void>();

/** Publishes the sample records and the target rows' allowed values; listeners re-render. */
export function publishFieldValues(records: readonly unknown[], targetRows: readonly SchemaFieldRow[] | undefined): void {
  const enums = new Map<string, readonly EnumValue[]>();
  for (const row of targetRows ?? []) {
    const names = row.enum ? pathNames(row.path) : undefined;
    if (names && row.enum) enums.set(JSON.stringify(names), row.enum);
  }
  current = { records, enums };
  for (const listener of listeners) listener();
}

function useFieldValues(): FieldValues {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** What a value map's form may offer for one rule. */
export interface ValueMapData {
  /** Distinct values of the rule's source in the samples (key text). */
  seenKeys: readonly string[];
  /** The target field's allowed values. */
  targetValues: readonly EnumValue[];
}

const NONE: ValueMapData = { seenKeys: [], targetValues: [] };

/** The value map data of the rule at `target` (none without a target). */
export function useValueMapData(doc: MappingDocument, target: string | undefined): ValueMapData {
  const { records, enums } = useFieldValues();
  return useMemo(() => {
    if (target === undefined) return NONE;
    const names = pathNames(target);
    return {
      seenKeys: sourceKeys(doc, target, records),
      targetValues: (names && enums.get(JSON.stringify(names))) ?? [],
    };
  }, [doc, target, records, enums]);
}

/** The value map data of the rule whose transforms are being edited (set by the rule editor and the canvas inspector). */
export const ValueMapDataContext = createContext<ValueMapData>(NONE);
