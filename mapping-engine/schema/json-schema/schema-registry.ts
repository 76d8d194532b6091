/**
 * The documents of one schema load and the identifiers they declare. Each
 * file is read and parsed once, whatever number of `$ref`s reach it.
 */
import type { SourceResolver } from '../resolver';
import { isMapwrightError } from '../../errors';
import { normalizePath } from '../resolver';
import { baseWithin, collectIds } from './id-index';
import { evaluatePointer, formatPointer, isObject } from './json-pointer';
import { parseSchemaText, schemaText } from './structured-text';

/** A parsed schema file. */
export interface LoadedDoc {
  /** Location as the resolver knows it (normalised path). */
  location: string;
  /** Name used in errors and origins: the caller's name for the main file, else the location. */
  file: string;
  text: string;
  root: unknown;
  /** Draft-04 documents name ids with `id` rather than `$id`. */
  draft04: boolean;
  /** The root's own id, resolved, if it declares one. */
  rootId?: string;
}

/** A schema node and where it sits. */
export interface Located {
  doc: LoadedDoc;
  pointer: string[];
  node: unknown;
  /** Base URI in effect at this node (from the `$id`s above it), if any. */
  base: string | undefined;
}

/** Where an identifier points. */
export interface IdTarget {
  doc: LoadedDoc;
  pointer: string[];
}

/** Stable identity of a located schema, used to spot recursion. */
export function identityOf(at: Located): string {
  return `${at.doc.location}${formatPointer(at.pointer)}`;
}

function isDraft04(root: unknown): boolean {
  return isObject(root) && typeof root.$schema === 'string' && /draft-0[34]\b/.test(root.$schema);
}

/** Documents and ids of one load. */
export class SchemaRegistry {
  private readonly docs = new Map<string, LoadedDoc>();
  private readonly ids = new Map<string, IdTarget>();
  /** Locations the resolver could not read: not asked again. */
  private readonly unreadable = new Set<string>();
  /** Locations the resolver refused (outside the granted folders), told apart so the error says so. */
  private readonly denied = new Set<string>();

  /** Whether reading `location` was refused with `ACCESS_DENIED`. */
  isDenied(location: string): boolean {
    return this.denied.has(normalizePath(location));
  }

  constructor(private readonly resolver: SourceResolver) {}

  /** Registers an already parsed document (the main file) and its ids. */
  addDocument(location: string, file: string, text: string, root: unknown): LoadedDoc {
    const key = normalizePath(location);
    const draft04 = isDraft04(root);
    const doc: LoadedDoc = { location: key, file, text, root, draft04 };
    const rootId = baseWithin(undefined, root, draft04);
    if (rootId !== undefined) doc.rootId = rootId;
    this.docs.set(key, doc);
    for (const { uri, pointer } of collectIds(root, draft04)) {
      if (!this.ids.has(uri)) this.ids.set(uri, { doc, pointer });
    }
    return doc;
  }

  /** The document already loaded from `location`, if any. */
  loaded(location: string): LoadedDoc | undefined {
    return this.docs.get(normalizePath(location));
  }

  /**
   * Reads and parses the file at `location`, once. Returns undefined when the
   * resolver cannot read it; a file that reads but does not parse throws its
   * parse error, because that is what the user must fix.
   */
  async load(location: string): Promise<LoadedDoc | undefined> {
    const key = normalizePath(location);
    const known = this.docs.get(key);
    if (known) return known;
    if (this.unreadable.has(key)) return undefined;
    let bytes: Uint8Array | string;
    try {
      bytes = await this.resolver.read(key);
    } catch (error) {
      this.unreadable.add(key);
      if (isMapwrightError(error) && error.code === 'ACCESS_DENIED') this.denied.add(key);
      return undefined;
    }
    const text = schemaText(bytes, key);
    return this.addDocument(key, key, text, parseSchemaText(text, key));
  }

  /** The target of an id (`https://x/a.json`, `common/a.json`, `https://x/a.json#anchor`). */
  byId(uri: string): IdTarget | undefined {
    return this.ids.get(uri);
  }

  /** The node at `pointer` in `doc` with its base URI, or undefined when the pointer leads nowhere. */
  locate(doc: LoadedDoc, pointer: string[]): Located | undefined {
    const node = evaluatePointer(doc.root, pointer);
    if (node === undefined) return undefined;
    let base = baseWithin(undefined, doc.root, doc.draft04);
    let current: unknown = doc.root;
    for (const segment of pointer) {
      current = evaluatePointer(current, [segment]);
      base = baseWithin(base, current, doc.draft04);
    }
    return { doc, pointer, node, base };
  }

  /** The root of `doc` as a located node. */
  rootOf(doc: LoadedDoc): Located {
    return { doc, pointer: [], node: doc.root, base: doc.rootId };
  }
}

/** The located child of `at` under `segments` (e.g. `properties`, `name`), or undefined. */
export function childOf(at: Located, ...segments: string[]): Located | undefined {
  let node: unknown = at.node;
  let base = at.base;
  for (const segment of segments) {
    node = evaluatePointer(node, [segment]);
    if (node === undefined) return undefined;
    base = baseWithin(base, node, at.doc.draft04);
  }
  return { doc: at.doc, pointer: [...at.pointer, ...segments], node, base };
}
