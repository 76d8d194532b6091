/** The selected sample's source, first 4 KB, as plain text (never as HTML). */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { SamplePreview as Preview } from '../../../electron/contract/studio-api';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link SamplePreview}. */
export interface SamplePreviewProps {
  selectedId: string | undefined;
  preview: Preview | undefined;
  error: CodedErrorData | undefined;
}

/** Shows the preview, a loading note or the error. */
export function SamplePreview({ selectedId, preview, error }: SamplePreviewProps) {
  if (!selectedId) return <p className="muted">The source preview shows a bundled sample’s input; run the mapping to see this project’s output.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!preview) return <p className="muted">Loading…</p>;
  return (
    <>
      <pre data-testid="source-preview">{preview.sourceText}</pre>
      {preview.truncated && <p className="muted">Showing the first 4 KB.</p>}
    </>
  );
}
