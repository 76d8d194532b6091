/**
 * Validation of `--format`, `--from` and `--to` values, with a coded
 * `USAGE` error that lists what is accepted.
 */
import { MapwrightError } from '../../errors';
import type { PayloadFormat } from '../../payload/types';

const FORMATS: readonly PayloadFormat[] = ['json', 'jsonl', 'xml', 'csv'];

/** Returns the format named by a CLI option, or undefined when absent. @throws MapwrightError `USAGE` */
export function parseFormatOption(value: string | undefined, option: string): PayloadFormat | undefined {
  if (value === undefined) return undefined;
  const format = value.toLowerCase() as PayloadFormat;
  if (!FORMATS.includes(format)) {
    throw new MapwrightError('USAGE', `unknown format "${value}" for ${option}`, { expected: FORMATS.join(', ') });
  }
  return format;
}
