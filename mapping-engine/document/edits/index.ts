/** Pure edits of the mapping document and the helpers the studio views build on them. */
export type * from './edit-types';
export { applyEdit, applyEdits, replaceDocument } from './apply-edit';
export { describeEdit } from './describe-edit';
export { rulesUsingLookup } from './lookup-edits';
export { validateTransformParams, type ParamProblems } from './transform-check';
export { transformPalette, paletteEntry, initialTransform, type PaletteEntry, type ParamField, type ParamFieldType } from './transform-palette';
export { PALETTE_CATEGORIES, type PaletteCategory } from './transform-palette-info';
export { documentPath, pathKey, scopeOf, type Scope } from './edit-paths';
export { targetFieldRows, type TargetFieldRow, type FieldStatus, type TargetRowOptions } from './target-field-rows';
export { sourcePathCompletions, type SourceCompletion, type SourceReach } from './source-completions';
export { lookupPreview, type LookupPreview } from './lookup-preview';
export { initialPolicy, schemaDemands, schemaLevels, type FieldLevels } from './required-policy';
