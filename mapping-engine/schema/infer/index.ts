/** Schema inference from sample payloads and merging of inferred trees. */
export { inferSchema } from './infer-schema';
export { mergeFields } from './merge-fields';
export type { InferOptions, InferSample } from './infer-options';
