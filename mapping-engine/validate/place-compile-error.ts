/**
 * Gives a compile error its place in the project file. The compiler works on
 * the document, not on its text, so a transform that cannot work as configured
 * (a regex that can match empty text, a date pattern it cannot read, custom
 * JSONata that does not parse) names its target field only:
 * `lines[].sku: replace transform: ...`. `mapwright validate` prints a problem
 * at a line and column, so this finds the rule (its transform of that kind
 * when there is one) or the array context whose sort or group key failed.
 */
import { lineColumnAt, type CodedErrorData } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { locatePath } from '../document/locate-pointer';
import { pathNames } from '../document/problems/problems';

const PLACED_CODES = new Set(['TRANSFORM_INVALID', 'COMPILE_INVALID']);

/** A target path as the compiler's field labels spell it, without array marks or backticks. */
function plain(path: string): string | undefined {
  return path === '.' ? '.' : pathNames(path)?.join('.');
}

/** The JSON pointer (as path steps) of what `label` and `detail` name in `doc`, if anything. */
function pointerOf(doc: MappingDocument, label: string, detail: string): PropertyKey[] | undefined {
  const key = / (sort|group) key$/.exec(label);
  const field = label.slice(0, key ? key.index : undefined).replace(/\[\]/g, '');
  if (key) {
    const i = doc.arrays.findIndex((a) => plain(a.target) === field);
    if (i < 0) return undefined;
    return key[1] === 'sort' ? ['arrays', i, 'sort'] : ['arrays', i, doc.arrays[i]!.groupTransforms ? 'groupTransforms' : 'groupBy'];
  }
  const r = doc.rules.findIndex((rule) => plain(rule.target) === field);
  if (r >= 0) {
    const kind = /^(\w+) transform\b/.exec(detail)?.[1];
    const t = kind === undefined ? -1 : (doc.rules[r]!.transforms ?? []).findIndex((node) => node.kind === kind);
    return t >= 0 ? ['rules', r, 'transforms', t] : ['rules', r];
  }
  const a = doc.arrays.findIndex((context) => plain(context.target) === field);
  return a >= 0 ? ['arrays', a] : undefined;
}

/**
 * `error` with the line and column of the rule or array context its message
 * names (`<field>: ...`), when it is a compile error without a place; else
 * `error` unchanged.
 */
export function placeCompileError(error: CodedErrorData, doc: MappingDocument, text: string, file: string): CodedErrorData {
  if (error.line !== undefined || !PLACED_CODES.has(error.code)) return error;
  // A field with its own rule and rules inside it is placed at its own rule.
  const own = /^target field (.+?) has its own rule/.exec(error.message);
  const colon = error.message.indexOf(': ');
  if (!own && colon <= 0) return error;
  const pointer = own ? pointerOf(doc, own[1]!, '') : pointerOf(doc, error.message.slice(0, colon), error.message.slice(colon + 2));
  if (!pointer) return error;
  return { ...error, file: error.file ?? file, ...lineColumnAt(text, locatePath(text, pointer)) };
}
