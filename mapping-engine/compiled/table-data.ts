/**
 * The lookup tables a compiled program reads, with their contents as the
 * JSONata's top block binds them: declared in the document, or read from
 * the table's file by the host (see compiler/lookup-table.ts).
 */
import type { CompileOptions } from '../compiler/compile-document';
import { tableShape } from '../compiler/lookup-table';
import type { MappingDocument } from '../document/document-schema';
import type { TableData, TableSource } from './emit-transform';

/** Contents of the tables stored in files, as the host read them (what the JSONata compiler takes). */
export type FileTables = NonNullable<CompileOptions['tables']>;

/** Every value of `data` is text (a code table's entries, a row, a constants table). */
function allText(data: unknown): data is Record<string, string> {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.values(data).every((v) => typeof v === 'string');
}

/**
 * The contents of each table by name, as the JSONata's top block binds them
 * (declared in the document, or read from the table's file by the host).
 * A table whose contents are not of its shape, or that names `__proto__`
 * (a key jsonata's object constructor does not keep), is unknown, so a
 * document reading it runs through jsonata.
 */
export function tableResolver(doc: MappingDocument, files: FileTables): TableSource {
  const cache = new Map<string, TableData | undefined>();
  const resolve = (name: string): TableData | undefined => {
    const declared = Object.hasOwn(doc.lookups, name) ? doc.lookups[name] : undefined;
    if (!declared) return undefined;
    const shape = tableShape(declared);
    const data: unknown = 'entries' in declared ? declared.entries : 'rows' in declared ? declared.rows : 'constants' in declared ? declared.constants : Object.hasOwn(files, name) ? files[name] : undefined;
    if (data === null || typeof data !== 'object' || Object.hasOwn(data, '__proto__')) return undefined;
    if (shape !== 'rows') return allText(data) ? { shape, data } : undefined;
    const rows = Object.values(data) as unknown[];
    return rows.every((row) => allText(row) && !Object.hasOwn(row, '__proto__')) ? { shape, data: data as Record<string, Record<string, string>> } : undefined;
  };
  return (name) => {
    if (!cache.has(name)) cache.set(name, resolve(name));
    return cache.get(name);
  };
}
