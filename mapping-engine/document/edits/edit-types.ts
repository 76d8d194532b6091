/**
 * The edits a studio view can make to a mapping document. Every view (the
 * rules table, the canvas, the JSONata editor, auto-map) expresses a change
 * as one of these plain, JSON-safe commands and hands it to `applyEdit`
 * (apply-edit.ts), a pure function that returns a new document or a coded
 * error. Undo is the history of documents these edits produce, so the
 * commands carry everything they need and never refer to view state.
 *
 * Rules, array contexts and lookups are addressed by their stable keys (the
 * target path, the array's target, the table's name), never by a list index
 * that another edit may have shifted.
 */
import type { CodedErrorData } from '../../errors';
import type { Scalar } from '../../transforms/transform-node';
import type { ArrayContext, LookupTable, MappingDocument, MaskingPolicy, TestCase } from '../document-schema';
import type { z } from 'zod';
import type { endpointSchema, requiredPolicySchema, ruleSchema, arrayContextSchema } from '../document-schema';
import type { transformNodeSchema } from '../../transforms/transform-node';

/** A rule as an edit supplies it (defaults optional). */
export type RuleInput = z.input<typeof ruleSchema>;
/** A transform node as an edit supplies it (defaults optional). */
export type TransformInput = z.input<typeof transformNodeSchema>;
/** An array context as an edit supplies it. */
export type ArrayContextInput = z.input<typeof arrayContextSchema>;
/** A source or target side as an edit supplies it. */
export type EndpointInput = z.input<typeof endpointSchema>;
/** What a target field does when it computes no value. */
export type RequiredPolicy = z.infer<typeof requiredPolicySchema>;
/** Which side of the mapping. */
export type Side = 'source' | 'target';

/** One change to a document. */
export type DocumentEdit =
  // Project
  | { kind: 'setName'; name: string }
  | { kind: 'setDescription'; description?: string }
  | { kind: 'setEndpoint'; side: Side; endpoint: EndpointInput }
  | { kind: 'setRecordKey'; recordKey?: string; recordLabel?: string }
  | { kind: 'setMasking'; masking?: MaskingPolicy }
  // Rules (addressed by target path)
  | { kind: 'addRule'; rule: RuleInput; index?: number }
  | { kind: 'removeRule'; target: string }
  | { kind: 'moveRule'; target: string; toIndex: number }
  | { kind: 'retargetRule'; target: string; newTarget: string }
  | { kind: 'setSources'; target: string; sources: string[] }
  /**
   * Creates the target's rule with this source (policy `required`, default 'omit'; no transforms; at `index`,
   * default last), or appends the source to the existing rule (a canvas drop; `required` is then ignored).
   * Linking a source twice is refused. `proposeLink` sets `required` from the target schema (required-policy.ts).
   */
  | { kind: 'linkSource'; target: string; source: string; index?: number; required?: 'omit' | 'error' }
  /** Removes one source; a rule left with neither source nor transform is removed (the field becomes unmapped). */
  | { kind: 'unlinkSource'; target: string; source: string }
  | { kind: 'insertTransform'; target: string; index: number; transform: TransformInput }
  | { kind: 'removeTransform'; target: string; index: number }
  | { kind: 'moveTransform'; target: string; from: number; to: number }
  | { kind: 'setTransform'; target: string; index: number; transform: TransformInput }
  | { kind: 'setRequired'; target: string; required: RequiredPolicy; default?: Scalar }
  | { kind: 'setDefault'; target: string; default?: Scalar }
  | { kind: 'setNotes'; target: string; notes?: string }
  // Array contexts (addressed by their target array)
  | { kind: 'addArray'; context: ArrayContextInput; index?: number }
  | { kind: 'setArray'; target: string; context: ArrayContextInput }
  | { kind: 'removeArray'; target: string }
  // Lookup tables (addressed by name)
  | { kind: 'setLookup'; name: string; table: LookupTable }
  | { kind: 'renameLookup'; name: string; newName: string }
  | { kind: 'removeLookup'; name: string }
  // Test cases (addressed by name)
  | { kind: 'addTest'; test: TestCase; index?: number }
  | { kind: 'setTest'; name: string; test: TestCase }
  | { kind: 'removeTest'; name: string }
  // Canvas layout (positions only; never changes what the mapping does)
  | { kind: 'setNodePosition'; id: string; position?: { x: number; y: number } }
  // Several edits as one step (accept-all of auto-map, a pasted block)
  /** `label`, when given, names the step in undo menus (describeEdit). */
  | { kind: 'batch'; edits: DocumentEdit[]; label?: string };

/** The kinds of {@link DocumentEdit}. */
export type DocumentEditKind = DocumentEdit['kind'];

/** What `applyEdit` returns: the new document, or why the edit was refused (code `EDIT_INVALID`). */
export type EditResult = { ok: true; document: MappingDocument } | { ok: false; error: CodedErrorData };

/** Re-exported for callers that build edits. */
export type { ArrayContext, LookupTable, TestCase, Scalar };
