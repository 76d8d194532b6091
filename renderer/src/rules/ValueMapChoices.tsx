/**
 * Under a value map's "key = value" lines: the source values the samples
 * hold that the map has no key for yet (each adds its line, with the target
 * value it likely stands for), and the target schema's allowed values (each
 * fills the value of the first line still without one, else of the line the
 * cursor is on). The choices come from the engine (value-map-choices.ts).
 */
import { useContext, useMemo } from 'react';
import { valueMapChoices } from '../../../mapping-engine/document/edits/value-map-choices';
import type { EnumValue } from '../../../mapping-engine/schema/model';
import { ValueMapDataContext } from '../document/field-values';
import { parseEntries, showScalar } from './transform-form';

/** Props of {@link ValueMapChoices}. */
export interface ValueMapChoicesProps {
  /** The lines as typed. */
  text: string;
  /** Where the cursor was in the lines (their last selection start). */
  caret: number;
  onText: (text: string) => void;
}

/** The line that gets a target value: the first `key =` without a value, else the cursor's line. */
function lineForValue(text: string, caret: number): number {
  const open = text.split('\n').findIndex((line) => /^[^=]*\S[^=]*=\s*$/.test(line));
  return open >= 0 ? open : text.slice(0, caret).split('\n').length - 1;
}

/** The text with `value` as the value of the chosen line (a line without `=` becomes its key). */
export function withValue(text: string, caret: number, value: EnumValue): string {
  const lines = text.split('\n');
  const at = lineForValue(text, caret);
  const line = lines[at] ?? '';
  const eq = line.indexOf('=');
  lines[at] = `${(eq >= 0 ? line.slice(0, eq) : line).trim()} = ${showScalar(value)}`;
  return lines.join('\n');
}

/** The text with a line for each of `keys` added (the suggested target value, or none yet). */
export function withKeys(text: string, keys: ReadonlyArray<{ key: string; suggested?: EnumValue }>): string {
  const added = keys.map((k) => `${k.key} = ${k.suggested === undefined ? '' : showScalar(k.suggested)}`);
  const kept = text.trimEnd();
  return [...(kept ? [kept] : []), ...added].join('\n');
}

/** The choices, or nothing when neither the samples nor the target offer any. */
export function ValueMapChoices({ text, caret, onText }: ValueMapChoicesProps) {
  const data = useContext(ValueMapDataContext);
  const choices = useMemo(() => valueMapChoices(parseEntries(text).entries, data.seenKeys, data.targetValues), [text, data]);
  if (choices.keys.length === 0 && choices.values.length === 0) return null;
  return (
    <div className="value-map-choices">
      {choices.keys.length > 0 && (
        <div className="value-map-choice-row" role="group" aria-label="Values in the sample">
          <span className="muted small">In the sample:</span>
          {choices.keys.map((k) => (
            <button
              key={k.key}
              type="button"
              className="chip chip-button"
              aria-label={`Add key ${k.key}${k.suggested === undefined ? '' : ` as ${showScalar(k.suggested)}`}`}
              onClick={() => onText(withKeys(text, [k]))}
            >
              {k.key}
              {k.suggested !== undefined && <span className="muted"> → {showScalar(k.suggested)}</span>}
            </button>
          ))}
          {choices.keys.length > 1 && (
            <button type="button" className="button button-secondary button-small" onClick={() => onText(withKeys(text, choices.keys))}>
              Add all {choices.keys.length}
            </button>
          )}
        </div>
      )}
      {choices.values.length > 0 && (
        <div className="value-map-choice-row" role="group" aria-label="Values the target allows">
          <span className="muted small">Target allows:</span>
          {choices.values.map((v) => (
            <button key={showScalar(v)} type="button" className="chip chip-button" aria-label={`Use ${showScalar(v)} as the value`} onClick={() => onText(withValue(text, caret, v))}>
              {showScalar(v)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
