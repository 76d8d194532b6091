/**
 * The JSON-safe coded error that crosses every boundary, as a zod schema.
 * Its own file so every contract section can use it without importing the
 * assembled contract (which imports the sections).
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../mapping-engine/errors';

/** A coded error: code, message, and where it happened when known. */
export const CodedErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  expected: z.string().optional(),
});
