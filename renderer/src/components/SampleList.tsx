/** The bundled samples, one button each; the selected one is `aria-pressed`. */
import type { SampleSummary } from '../../../electron/contract/studio-api';

/** Props of {@link SampleList}. */
export interface SampleListProps {
  /** `undefined` while loading. */
  samples: SampleSummary[] | undefined;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** Lists the samples. */
export function SampleList({ samples, selectedId, onSelect }: SampleListProps) {
  if (!samples) return <p className="muted">Loading samples…</p>;
  if (samples.length === 0) return <p className="muted">No samples found.</p>;
  return (
    <ul>
      {samples.map((sample) => (
        <li key={sample.id}>
          <button type="button" className="sample-button" aria-pressed={sample.id === selectedId} data-sample-id={sample.id} onClick={() => onSelect(sample.id)}>
            <span className="sample-name">{sample.name}</span>
            {sample.description && <span className="sample-description">{sample.description}</span>}
            <span className="sample-formats">
              {sample.sourceFormat} → {sample.targetFormat}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
