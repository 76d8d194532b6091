/**
 * The preview's Parameters form: one field per run parameter the document
 * declares, empty for its default (shown as the placeholder). What is typed
 * goes with the preview's run job, as `mapwright run --param` does, and is
 * typed by the declaration in the backend (a wrong value fails the run with
 * USAGE, shown as the run's error). Values are the preview's own, never
 * written to the document; a test case pins its values with `params`.
 */
import type { Parameter } from '../../../mapping-engine/compiler/run-parameters';
import { defaultText } from './preview-params';

/** Props of {@link PreviewParameters}. */
export interface PreviewParametersProps {
  parameters: Readonly<Record<string, Parameter>> | undefined;
  values: Readonly<Record<string, string>>;
  onChange: (name: string, value: string) => void;
}

/** The form, or nothing when the document declares no parameters. */
export function PreviewParameters({ parameters, values, onChange }: PreviewParametersProps) {
  const entries = Object.entries(parameters ?? {});
  if (entries.length === 0) return null;
  const set = entries.filter(([name]) => values[name]?.trim()).length;
  return (
    <details className="preview-parameters" data-testid="preview-parameters">
      <summary>
        Parameters <span className="muted">({set === 0 ? `${entries.length}, all at their defaults` : `${set} of ${entries.length} set`})</span>
      </summary>
      <div className="preview-parameters-fields" role="group" aria-label="Run parameters">
        {entries.map(([name, p]) => (
          <label key={name} className="form-row" title={p.description}>
            <span className="field-label">
              {name} <span className="preview-parameter-type">{p.type}</span>
            </span>
            {p.type === 'boolean' ? (
              <select className="text-input" aria-label={`Parameter ${name}`} value={values[name] ?? ''} onChange={(e) => onChange(name, e.target.value)}>
                <option value="">default ({defaultText(p)})</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : (
              <input className="text-input" aria-label={`Parameter ${name}`} value={values[name] ?? ''} placeholder={defaultText(p)} inputMode={p.type === 'number' ? 'decimal' : undefined} onChange={(e) => onChange(name, e.target.value)} />
            )}
          </label>
        ))}
      </div>
    </details>
  );
}
