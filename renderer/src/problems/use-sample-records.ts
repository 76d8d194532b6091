/**
 * The first records of the document's first source sample, parsed, for the
 * Problems panel's checks that judge sample values (a sort key sorting
 * dd.MM.yyyy text as text). Read once per project and sample through the
 * backend's preview (the values as the preview shows them).
 */
import { useEffect, useState } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** Records looked at: enough to judge a column, few enough to stay quick. */
const SAMPLE_RECORDS = 50;

/** The parsed records, or an empty list while none are read (no project, no sample, no preview method). */
export function useSampleRecords(api: Partial<Pick<StudioApi, 'readPayloadPreview'>> | undefined, projectPath: string | undefined, document: MappingDocument | undefined): unknown[] {
  const file = document?.source.samples[0];
  const format = document?.source.format;
  const [records, setRecords] = useState<{ key: string; values: unknown[] }>({ key: '', values: [] });
  const key = JSON.stringify([projectPath, file, format]);
  useEffect(() => {
    if (!api?.readPayloadPreview || !projectPath || !file) return;
    let live = true;
    void api.readPayloadPreview({ projectPath, file, ...(format ? { format } : {}), pageSize: SAMPLE_RECORDS }).then((result) => {
      if (!live || !result.ok) return;
      const values = result.value.records.flatMap((r) => {
        try {
          return r.truncated ? [] : [JSON.parse(r.text) as unknown];
        } catch {
          return [];
        }
      });
      setRecords({ key, values });
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, file, format, key]);
  return records.key === key ? records.values : [];
}
