/** Shared types of the transform compilers. */
import type { NodeOf, TransformKind } from './transform-node';

/** What a transform needs to know about where it is compiled. */
export interface TransformContext {
  /** Target field path, named in `$error` messages. */
  field: string;
  /** A `$record` naming the current record is in scope, so invalid-value errors pass it on (see invalid-value.ts). */
  record?: boolean;
  /** How many source paths the rule reads (its value is a list of them when more than one), for transforms combining them. */
  sourceCount?: number;
  /** The variable a lookup table is bound to at the top of the expression. */
  tableVariable(name: string): string;
  /**
   * The variable a value map's entries are bound to at the top of the
   * expression. Without it (a transform compiled on its own) the map is
   * written inline.
   */
  valueMapVariable?(node: NodeOf<'valueMap'>): string | undefined;
  /**
   * Of an aggregate reading number text per item: item fields another
   * field parses directly, with that field's label and the JSONata text
   * naming its record (item `$i`, 0-based place `$n`), so the error names
   * the field that owns the value (see compiler/parse-owners.ts).
   */
  itemOwners?: Record<string, { label: string; record?: string }>;
  /** The input is already text or no value where it counts, so a text transform reads it without `$text` (set per node by `compileChain`, see text-wraps.ts). */
  bareText?: boolean;
}

/** How one kind compiles to JSONata and reads in plain words. */
export interface TransformSpec<K extends TransformKind> {
  /** JSONata text computing the node's output from `input` (JSONata text of its input). */
  compile(node: NodeOf<K>, input: string, ctx: TransformContext): string;
  /** One plain-words sentence for the mapping spec export. */
  describe(node: NodeOf<K>): string;
}

/** Specs for a group of kinds. */
export type SpecTable<K extends TransformKind> = { [P in K]: TransformSpec<P> };
