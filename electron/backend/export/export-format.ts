/**
 * How each export kind is offered as a file: its suggested name (from the
 * project file's name) and its media type.
 */
import { basename } from 'node:path';
import type { ExportKindName } from '../../contract/methods/export-methods';

interface KindFormat {
  /** Appended to the project's name. */
  suffix: string;
  mediaType: string;
}

const FORMATS: Record<ExportKindName, KindFormat> = {
  xlsx: { suffix: '-spec.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { suffix: '-spec.csv', mediaType: 'text/csv;charset=utf-8' },
  md: { suffix: '-spec.md', mediaType: 'text/markdown;charset=utf-8' },
  html: { suffix: '-spec.html', mediaType: 'text/html;charset=utf-8' },
  // The expression and the document are the mapping itself, not a spec of it.
  jsonata: { suffix: '.jsonata', mediaType: 'text/plain;charset=utf-8' },
  document: { suffix: '.mapwright.json', mediaType: 'application/json;charset=utf-8' },
};

/** The project's name: its file name without `.mapwright.json` (`crm-to-erp`). */
export function projectBaseName(projectPath: string): string {
  const name = basename(projectPath).replace(/\.mapwright\.json$/i, '');
  return name === '' ? 'mapping' : name;
}

/** The suggested file name of `kind` for the project at `projectPath` (`crm-to-erp-spec.xlsx`). */
export function exportFileName(projectPath: string, kind: ExportKindName): string {
  return `${projectBaseName(projectPath)}${FORMATS[kind].suffix}`;
}

/** The media type of `kind`. */
export function exportMediaType(kind: ExportKindName): string {
  return FORMATS[kind].mediaType;
}
