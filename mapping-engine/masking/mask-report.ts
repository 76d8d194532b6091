/**
 * Folds per-leaf detections into the reviewable report: one entry per path
 * and category, with a masked example and never an original value.
 */
import type { Detection, MaskReportEntry } from './types';

/** One leaf's contribution to the report. */
export interface ReportLeaf {
  path: string;
  detection: Detection;
  masked: boolean;
  maskedExample: string;
}

/** Report entries being collected, keyed by path and category. */
export type ReportEntries = Map<string, MaskReportEntry>;

/** Adds leaves to `entries` (counts, highest confidence, first masked example); used batch by batch when streaming. */
export function foldReport(entries: ReportEntries, leaves: readonly ReportLeaf[]): ReportEntries {
  for (const leaf of leaves) {
    const id = `${leaf.path}\u0000${leaf.detection.category}`;
    const entry = entries.get(id);
    if (entry) {
      entry.count++;
      entry.confidence = Math.max(entry.confidence, leaf.detection.confidence);
      entry.masked ||= leaf.masked;
      continue;
    }
    entries.set(id, {
      path: leaf.path,
      category: leaf.detection.category,
      confidence: leaf.detection.confidence,
      reason: leaf.detection.reason,
      maskedExample: leaf.maskedExample,
      count: 1,
      masked: leaf.masked,
    });
  }
  return entries;
}

/** The entries sorted by path. */
export function sortedReport(entries: ReportEntries): MaskReportEntry[] {
  return [...entries.values()].map((e) => ({ ...e })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Groups leaves by path and category, sorted by path. */
export function buildReport(leaves: readonly ReportLeaf[]): MaskReportEntry[] {
  return sortedReport(foldReport(new Map(), leaves));
}
