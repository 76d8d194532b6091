/**
 * `samples/<id>/sample.json`: what a bundled sample is. Parsed strictly,
 * because samples ship with the app: a broken manifest is a bug that should
 * be loud, with the file, line and column, not a silently missing sample.
 */
import { z } from 'zod';
import { MapwrightError } from '../../mapping-engine/errors';
import { parseJsonText } from '../../mapping-engine/payload/json-read';

/** Relative path inside the sample folder: no absolute paths, no `..` segments. */
const RelativePathSchema = z
  .string()
  .min(1)
  .refine((p) => !/^([/\\]|[A-Za-z]:)/.test(p) && !p.split(/[/\\]/).includes('..'), 'a path inside the sample folder');

/** Shape of `sample.json`. Unknown keys are allowed so later sessions can add fields. */
export const SampleManifestSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  description: z.string().default(''),
  sourceFormat: z.string().min(1),
  targetFormat: z.string().min(1),
  source: RelativePathSchema.optional(),
  target: RelativePathSchema.optional(),
});

/** A validated sample manifest. */
export type SampleManifest = z.infer<typeof SampleManifestSchema>;

/**
 * Parses and validates a manifest's text.
 * @param file the name used in errors (e.g. `samples/crm-to-erp/sample.json`)
 * @param folderId the sample's folder name; a manifest `id` must equal it
 * @throws MapwrightError `JSON_PARSE` (with line/column) or `SAMPLE_INVALID`
 */
export function parseSampleManifest(text: string, file: string, folderId: string): SampleManifest {
  const data = parseJsonText(text, file);
  const parsed = SampleManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(root)';
    throw new MapwrightError('SAMPLE_INVALID', `sample manifest field ${path}: ${issue?.message ?? 'invalid'}`, {
      file,
      expected: 'an object with name, description, sourceFormat, targetFormat and optional source/target paths',
    });
  }
  if (parsed.data.id !== undefined && parsed.data.id !== folderId) {
    // The folder name is the id lookups use; a different manifest id would list a sample nobody can open.
    throw new MapwrightError('SAMPLE_INVALID', `sample manifest id "${parsed.data.id}" differs from its folder "${folderId}"`, {
      file,
      expected: `"id": "${folderId}"`,
    });
  }
  return parsed.data;
}
