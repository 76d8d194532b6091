/** The mapping document: schema, loading with migrations, stable serialisation and relative paths. */
export * from './document-schema';
export { loadDocument, validateDocument, jsonPointer, type LoadedDocument } from './load-document';
export { serializeDocument } from './serialize-document';
export { MIGRATIONS, migrate, versionOf, type Migration } from './migrations';
export { resolveDocumentPath, toDocumentPath, folderOf } from './document-paths';
export * from './edits';
