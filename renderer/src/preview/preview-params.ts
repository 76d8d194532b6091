/**
 * The run parameters the preview sends: what the user typed in the
 * Parameters form for the parameters the document declares. An empty field
 * sends nothing, so the parameter takes its default (the time of the run for
 * a default of "now"); a name the document no longer declares is dropped.
 */
import type { Parameter } from '../../../mapping-engine/compiler/run-parameters';

/** The values to send for `declared`, from the form's `typed` values. */
export function runParams(declared: Readonly<Record<string, Parameter>> | undefined, typed: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(declared ?? {})) {
    const value = typed[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

/** What an empty field stands for, shown as its placeholder: the default, or the time of the run. */
export function defaultText(p: Parameter): string {
  if (p.now) return p.type === 'date' ? 'today' : 'the time of the run';
  return p.default === undefined ? 'no value' : String(p.default);
}
