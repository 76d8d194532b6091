/**
 * The first records of the open project's first source sample (any project,
 * not only a bundled one), read through the engine's paged payload preview
 * and shown as plain text.
 */
import { useEffect, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { PayloadPreview } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link ProjectSourcePreview}. */
export interface ProjectSourcePreviewProps {
  api: StudioApi;
  /** The project file; undefined while untitled (samples are found next to it). */
  projectPath: string | undefined;
  /** The source sample, relative to the project file; undefined when the document has none. */
  file: string | undefined;
}

/** Records shown; enough to recognise the payload without paging. */
const PAGE_SIZE = 3;

/** Shows the first records of the source sample, or why there are none. */
export function ProjectSourcePreview({ api, projectPath, file }: ProjectSourcePreviewProps) {
  const [preview, setPreview] = useState<PayloadPreview>();
  const [error, setError] = useState<CodedErrorData>();
  useEffect(() => {
    setPreview(undefined);
    setError(undefined);
    if (!projectPath || !file) return;
    let live = true;
    void api.readPayloadPreview({ projectPath, file, pageSize: PAGE_SIZE }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, file]);

  if (!file) return <p className="muted">This project has no source sample yet.</p>;
  if (!projectPath) return <p className="muted">Save the project to preview {file}, which is found next to the project file.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!preview) return <p className="muted">Loading…</p>;
  return (
    <>
      <p className="muted small">
        {file} · {preview.totalExact ? preview.total : `about ${preview.total}`} record{preview.total === 1 ? '' : 's'}
      </p>
      <pre data-testid="project-source-preview">{preview.records.map((record) => record.text).join('\n\n')}</pre>
      {preview.truncated && <p className="muted">Showing the first {preview.records.length}.</p>}
    </>
  );
}
