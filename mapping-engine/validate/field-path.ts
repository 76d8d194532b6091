/**
 * Target field paths as users read them: names joined by dots, array indexes
 * in brackets (`lines[2].total`), and a name that holds a dot, a space or a
 * bracket in backticks, like the document's field paths.
 */

/** One step of a path: a member name or an array index. */
export type PathStep = string | number;

const PLAIN_NAME = /^[^.\s[\]`]+$/;

/** Formats steps as a field path; `[]` gives `''` (the whole output). */
export function formatFieldPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else {
      const name = PLAIN_NAME.test(step) ? step : `\`${step}\``;
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}
