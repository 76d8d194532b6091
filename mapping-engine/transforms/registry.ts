/**
 * One entry point for every transform kind: compile a node or a chain to
 * JSONata, or describe it in plain words. Bad parameters become coded
 * `TRANSFORM_INVALID` errors naming the target field.
 */
import { parseFieldText } from './field-text';
import { MapwrightError } from '../errors';
import { ARRAY_TRANSFORMS } from './array-transforms';
import { CHECK_TRANSFORMS } from './check-transforms';
import { DATE_TRANSFORMS } from './date-transforms';
import { NUMBER_TRANSFORMS } from './number-transforms';
import { TEXT_TRANSFORMS } from './text-transforms';
import type { TransformKind, TransformNode } from './transform-node';
import { textInputs, type ChainEnd } from './text-wraps';
import type { SpecTable, TransformContext, TransformSpec } from './types';
import { VALUE_TRANSFORMS } from './value-transforms';

/** Every transform kind's compiler and description. */
export const TRANSFORMS: SpecTable<TransformKind> = {
  ...TEXT_TRANSFORMS,
  ...NUMBER_TRANSFORMS,
  ...DATE_TRANSFORMS,
  ...VALUE_TRANSFORMS,
  ...ARRAY_TRANSFORMS,
  ...CHECK_TRANSFORMS,
};

function specOf(node: TransformNode): TransformSpec<TransformKind> {
  return TRANSFORMS[node.kind] as TransformSpec<TransformKind>;
}

/** JSONata text of `node` applied to `input`; throws TRANSFORM_INVALID on bad parameters. */
export function compileTransform(node: TransformNode, input: string, ctx: TransformContext): string {
  let text: string;
  try {
    text = specOf(node).compile(node, input, ctx);
  } catch (error) {
    throw new MapwrightError('TRANSFORM_INVALID', `${ctx.field}: ${node.kind} transform: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (node.kind === 'custom' || node.kind === 'replace') {
    // User-written text is parsed here so a typo is reported against its field, not as a broken whole expression.
    try {
      parseFieldText(text);
    } catch (error) {
      const detail = (error as { message?: string }).message ?? String(error);
      throw new MapwrightError('TRANSFORM_INVALID', `${ctx.field}: ${node.kind} transform is not valid JSONata: ${detail}`, { cause: error, expected: 'a JSONata expression' });
    }
  }
  return text;
}

/**
 * JSONata text of a chain applied left to right to `input`; `end` says where
 * its value goes, which decides where a text transform can read its input
 * without `$text` (see text-wraps.ts). Without it every text transform's
 * input is wrapped: an array context's sort or group key, whose text the
 * reverse compiler compares as layout, stays as earlier versions wrote it.
 */
export function compileChain(nodes: readonly TransformNode[], input: string, ctx: TransformContext, end: ChainEnd = { keepTextWraps: true }): string {
  const bare = textInputs(nodes, end);
  return nodes.reduce((text, node, i) => compileTransform(node, text, { ...ctx, bareText: bare[i] }), input);
}

/** Plain-words description of one node (for the spec export). */
export function describeTransform(node: TransformNode): string {
  return specOf(node).describe(node);
}
