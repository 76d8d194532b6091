/** Pure edits of the mapping document and the helpers the studio views build on them. */
export type * from './edit-types';
export { applyEdit, applyEdits, replaceDocument } from './apply-edit';
export { rulesUsingLookup } from './lookup-edits';
export { validateTransformParams, type ParamProblems } from './transform-check';
export { documentPath, pathKey, scopeOf, type Scope } from './edit-paths';
