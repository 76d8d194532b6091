/**
 * Parses the JSONata text of one field's value. Parsed on its own, jsonata
 * refuses `%` (the parent, S0217) because nothing encloses the text; in the
 * compiled expression an array element's field stands inside path steps,
 * where the parent is derivable. So text refused only for that is parsed
 * again where it will stand, and a field reading its array's parent is not
 * refused after the rest of the studio accepted it.
 */
import jsonata from 'jsonata';

/** Throws jsonata's parse error when `text` is not one JSONata expression. */
export function parseFieldText(text: string): void {
  try {
    jsonata(text);
  } catch (error) {
    if ((error as { code?: string }).code !== 'S0217') throw error;
    // Eight path steps: `%` up to eight levels out (arrays nest far less deeply).
    jsonata(`_._._._._._._._.{"_": (${text}\n)}`);
  }
}
