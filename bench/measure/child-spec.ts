/**
 * What a measurement child is asked to do and what it answers. Each
 * measurement runs in a fresh child process so its peak RSS
 * (`process.resourceUsage().maxRSS`, worker threads included) is its own and
 * not the high-water mark of everything measured before it.
 */
import type { WorkloadName } from '../workloads/workloads';

/** The ways one engine workload is run. */
export type EngineImpl = 'mapwright' | 'compiled' | 'jsonata' | 'hand-written';

/** Formats the parse benchmark reads. */
export type ParseFormat = 'json' | 'csv' | 'xml';

/** One measurement to run in a child. */
export type ChildSpec =
  | { kind: 'engine'; workload: WorkloadName; records: number; impl: EngineImpl; workers?: number }
  | { kind: 'parse'; format: ParseFormat; targetMb: number }
  | { kind: 'preview'; sampleMb: number }
  | { kind: 'cancel' };

/** A child's answer: figures by name (seconds, MB, ms, counts). */
export type ChildResult = { ok: true; figures: Record<string, number> } | { ok: false; reason: string };
