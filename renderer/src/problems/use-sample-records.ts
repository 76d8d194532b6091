/**
 * The first records of each of the document's source samples, parsed, for
 * the Problems panel's checks that judge sample values (a sort key sorting
 * dd.MM.yyyy text as text). `mapwright validate` judges every sample, so the
 * studio looks at every sample too (its first records: enough to judge a
 * column by most of its values, few enough to stay quick); a sample whose
 * first file is an outlier then does not decide alone. Read once per
 * project and list of samples through the backend's preview (the values as
 * the preview shows them).
 */
import { useEffect, useState } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** The records while none are read (one list, so hooks depending on it do not rerun). */
const NO_RECORDS: unknown[] = [];

/** Records looked at per sample. */
const SAMPLE_RECORDS = 50;
/** Samples looked at: a project listing more is judged on its first ones. */
const MAX_SAMPLES = 20;

/** The preview method the records are read through. */
type ReadPreview = NonNullable<Partial<Pick<StudioApi, 'readPayloadPreview'>>['readPayloadPreview']>;

/**
 * The first {@link SAMPLE_RECORDS} records of each of `files` (at most
 * {@link MAX_SAMPLES}), parsed, in sample order; a sample that does not read,
 * and a record cut for length, add nothing.
 */
export async function readSampleRecords(read: ReadPreview, projectPath: string, files: readonly string[], format?: MappingDocument['source']['format']): Promise<unknown[]> {
  const one = async (file: string): Promise<unknown[]> => {
    const result = await read({ projectPath, file, ...(format ? { format } : {}), pageSize: SAMPLE_RECORDS });
    if (!result.ok) return [];
    return result.value.records.flatMap((r) => {
      try {
        return r.truncated ? [] : [JSON.parse(r.text) as unknown];
      } catch {
        return [];
      }
    });
  };
  return (await Promise.all(files.slice(0, MAX_SAMPLES).map(one))).flat();
}

/** The parsed records of every sample (see {@link readSampleRecords}); an empty list while none are read (no project, no sample, no preview method). */
export function useSampleRecords(api: Partial<Pick<StudioApi, 'readPayloadPreview'>> | undefined, projectPath: string | undefined, document: MappingDocument | undefined): unknown[] {
  const format = document?.source.format;
  const [records, setRecords] = useState<{ key: string; values: unknown[] }>({ key: '', values: [] });
  const key = JSON.stringify([projectPath, document?.source.samples.slice(0, MAX_SAMPLES) ?? [], format]);
  useEffect(() => {
    const read = api?.readPayloadPreview;
    const files = (JSON.parse(key) as [unknown, string[]])[1];
    if (!read || !projectPath || files.length === 0) return;
    let live = true;
    void readSampleRecords(read, projectPath, files, format).then((values) => {
      if (live) setRecords({ key, values });
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, format, key]);
  return records.key === key ? records.values : NO_RECORDS;
}
