/** The compiler: mapping document -> one readable JSONata expression plus a source map. */
export { compileDocument, type CompiledMapping, type CompileOptions, type SourceMap } from './compile-document';
export { fieldAtOffset } from './source-map-lookup';
export { tableFromRows } from './lookup-table';
export type { Span } from './text-writer';
export { compileProject, readLookupTables, type CompiledProject } from './compile-project';
export { parseExpression, type ParsedExpression } from './reverse';
