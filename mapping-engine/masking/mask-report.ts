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

/** Groups leaves by path and category, sorted by path. */
export function buildReport(leaves: readonly ReportLeaf[]): MaskReportEntry[] {
  const entries = new Map<string, MaskReportEntry>();
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
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
