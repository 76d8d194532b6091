/**
 * What every engine method shares: the file-access register, the expression
 * runner (created on first use, so a backend that never runs anything starts
 * no threads), the masking key's location, and loading a document's text
 * against its project with every file read checked.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import { compileProject, type CompiledProject } from '../../../mapping-engine/compiler/compile-project';
import { MapwrightError } from '../../../mapping-engine/errors';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import { RunnerPool } from '../../../mapping-engine/node/runner/runner-pool';
import type { KeyLocationEnv } from '../../../mapping-engine/node/mask/key-file';
import type { ExpressionRunner } from '../../../mapping-engine/run/run-types';
import type { SourceResolver } from '../../../mapping-engine/schema/resolver';
import type { FileAccess } from './file-access';

/** Shared state of the engine methods of one backend. */
export interface EngineContext {
  access: FileAccess;
  /** The runner (the injected one, or a pool made on first use). */
  runner(): ExpressionRunner;
  /** Masking key file; the user's default key (created on first use) when absent. */
  maskKeyFile?: string;
  /** Where the default key lives (tests point it at a temporary folder). */
  keyLocation?: KeyLocationEnv;
}

/** A runner that is made when first needed. */
export function lazyRunner(injected: ExpressionRunner | undefined): () => ExpressionRunner {
  let runner = injected;
  return () => (runner ??= new RunnerPool());
}

/** Largest file a project may refer to through the resolver (schemas, lookup tables, test files). */
export const MAX_REFERENCED_BYTES = 128 * 1024 * 1024;

/**
 * How a referenced file is named in errors: relative to the project folder as
 * the document wrote it, normalised; a reference that leaves the folder is
 * named by its file name only, never by a path climbing out of the folder.
 */
export function shownReference(location: string, projectFile: string): string {
  const rel = relative(dirname(projectFile), location);
  if (rel === '' || rel.split(sep)[0] === '..' || /^[A-Za-z]:|^[\\/]/.test(rel)) return basename(location);
  return rel.split(sep).join('/');
}

/**
 * A resolver that reads only files the access register allows for `projectPath`
 * (the project's folder when the user opened it, files they picked), regular
 * files of at most {@link MAX_REFERENCED_BYTES}, errors naming the reference as written.
 */
export function checkedResolver(access: FileAccess, projectPath: string | undefined): SourceResolver {
  return {
    async read(location: string): Promise<Uint8Array> {
      if (projectPath === undefined) {
        throw new MapwrightError('ACCESS_DENIED', `the document refers to ${basename(location)}, but it is not saved in a project`, {
          file: basename(location),
          expected: 'a projectPath, so files are read next to the project',
        });
      }
      const shownAs = shownReference(location, projectPath);
      let path: string;
      try {
        path = await access.checkRead(location, projectPath);
      } catch (error) {
        if (!(error instanceof MapwrightError) || error.code === 'USAGE') throw error;
        throw new MapwrightError(error.code, error.code === 'ACCESS_DENIED' ? `${shownAs}: outside the project folder and not picked by the user` : error.message.split(location).join(shownAs), {
          file: shownAs,
          expected: error.code === 'ACCESS_DENIED' ? 'a file inside the project folder, or one you picked in the studio' : 'an existing regular file',
        });
      }
      return readBounded(path, shownAs);
    },
  };
}

/**
 * Reads a checked file whose size is checked first, so a huge file is refused
 * before it fills the memory of the process serving the window.
 * @throws MapwrightError `LIMIT_EXCEEDED` above `maxBytes`, `FILE_READ`
 */
export async function readBounded(path: string, shownAs: string, maxBytes: number = MAX_REFERENCED_BYTES): Promise<Uint8Array> {
  const size = (await stat(path)).size;
  if (size > maxBytes) {
    throw new MapwrightError('LIMIT_EXCEEDED', `${shownAs} is ${size} bytes, more than the studio reads here`, { file: shownAs, expected: `at most ${maxBytes} bytes` });
  }
  return readInputFile(path);
}

/** A loaded, compiled document and the project file it belongs to. */
export interface ContextProject {
  project: CompiledProject;
  /** The project file's real path; a placeholder when the document is not saved. */
  projectFile: string;
  /** True when the document came with a real project path. */
  saved: boolean;
}

/** Name used in errors for a document that has no project file yet. */
export const UNSAVED_PROJECT = 'untitled.mapwright.json';

/**
 * Loads and compiles `text` as the document at `projectPath` (checked), so
 * lookup tables and schemas are read next to it through the checked resolver.
 * @throws MapwrightError `ACCESS_DENIED`, `JSON_PARSE`, `DOC_INVALID`, `COMPILE_*`...
 */
export async function compileInContext(context: EngineContext, text: string, projectPath: string | undefined): Promise<ContextProject> {
  const projectFile = projectPath === undefined ? UNSAVED_PROJECT : await context.access.checkProject(projectPath);
  const resolver = checkedResolver(context.access, projectPath === undefined ? undefined : projectFile);
  return { project: await compileProject(text, projectFile, resolver), projectFile, saved: projectPath !== undefined };
}
