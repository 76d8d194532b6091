/**
 * The draft methods of the studio backend (contract/methods/draft-methods.ts):
 * auto-map suggestions and generated failure-mode tests for the studio's
 * document. Every file goes through the file-access register: schemas,
 * samples and the good input are read with the project's grants, and kept
 * cases are written only inside the project's own folder, for a project the
 * user may save.
 */
import { dirname } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { MapwrightError } from '../../mapping-engine/errors';
import { resolveDocumentPath } from '../../mapping-engine/document/document-paths';
import { generateProjectTests, goodInputOf, writeGeneratedTests, type RunGeneratedCase } from '../../mapping-engine/node/testing/generate-tests';
import { writeFileAtomic } from '../../mapping-engine/node/read-file';
import { validationOf } from '../../mapping-engine/run/mapping-run';
import { suggestForProject } from '../../mapping-engine/suggest/suggest-project';
import { describeExpectation } from '../../mapping-engine/testgen/judge-case';
import { loadTargetSchema } from '../../mapping-engine/validate/load-target';
import type { draftMethods } from '../contract/methods/draft-methods';
import type { GeneratedCaseData } from '../contract/methods/draft-methods';
import type { StudioApiPart } from '../contract/studio-api';
import { checkedResolver, compileInContext, type EngineContext } from './engine/engine-context';
import { accessDenied, isInside, realPathOf } from './engine/file-access';
import { importMappingSheet } from './engine/import-mapping-sheet';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** What a run observed, without the values (they are sample data): `status is "X"` becomes `status has a value`. */
function withoutValues(observed: string): string {
  return observed.replace(/ is (?:absent|.+)$/, (m) => (m === ' is absent' ? ' is left out' : ' has a value'));
}

function caseData(c: RunGeneratedCase): GeneratedCaseData {
  return { name: c.name, kind: c.kind, source: c.source, expectation: describeExpectation(c.expect), reason: c.reason, agrees: c.verdict.agrees, observed: withoutValues(c.verdict.observed) };
}

async function generated(context: EngineContext, projectPath: string, text: string) {
  const { project, projectFile } = await compileInContext(context, text, projectPath);
  const good = goodInputOf(project.document);
  // The good input is read by the generator itself: check it as a run's input is checked.
  if (good !== undefined) await context.access.checkRead(resolveDocumentPath(projectFile, good), projectPath);
  const target = await loadTargetSchema(project.document, projectFile, checkedResolver(context.access, projectFile));
  const validate = validationOf(target ? { target } : {});
  const cases = await generateProjectTests(project, projectFile, context.runner(), { ...(validate ? { validate } : {}), ...(target?.schema ? { targetRoot: target.schema.root } : {}) });
  return { project, projectFile, good: good ?? '', cases };
}

/** Creates the draft methods for one backend. */
export function createDraftService(options: BackendServiceOptions): StudioApiPart<keyof typeof draftMethods> {
  const context: EngineContext = { access: options.fileAccess, runner: () => options.runner };
  return {
    suggestMappings: (request) =>
      settle(async () => {
        const { project, projectFile } = await compileInContext(context, request.text, request.projectPath);
        const suggestions = await suggestForProject(project.document, projectFile, checkedResolver(context.access, projectFile));
        return { suggestions: suggestions.map((s) => ({ ...s, transforms: s.transforms as unknown as Array<Record<string, unknown>> })) };
      }),
    generateTests: (request) =>
      settle(async () => {
        const { good, cases } = await generated(context, request.projectPath, request.text);
        return { goodInput: good, cases: cases.map(caseData) };
      }),
    keepGeneratedTests: (request) =>
      settle(async () => {
        const { project, projectFile, cases } = await generated(context, request.projectPath, request.text);
        // Kept cases are the project's own files: only for a project the user may save (not a bundled sample).
        await context.access.checkWrite(projectFile);
        const wanted = new Set(request.names);
        const chosen = cases.filter((c) => wanted.has(c.name));
        if (chosen.length === 0) throw new MapwrightError('NOT_FOUND', 'none of the chosen cases is generated for this document any more', { expected: 'names from generateTests' });
        const folder = dirname(projectFile);
        const tests = await writeGeneratedTests(project.document, projectFile, chosen, async (path, content) => {
          await mkdir(dirname(path), { recursive: true });
          // tests/generated may be a link out of the project: the file must land inside it.
          const landing = await realPathOf(path);
          if (!isInside(landing, folder)) throw accessDenied(path.slice(folder.length + 1), 'write');
          await writeFileAtomic(landing, content);
          await context.access.grantFile(landing);
        });
        return { tests: tests as unknown as Array<Record<string, unknown>> };
      }),
    importMappingSheet: (request) => settle(() => importMappingSheet(context, request)),
  };
}
