/**
 * The three engine workloads by name: each generates its seeded records,
 * gives the compiled JSONata of its mapping document and the same mapping
 * written by hand. Measurement children load a workload by name, so the
 * parent never ships records across a process boundary.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileProject } from '../../mapping-engine/compiler';
import { mappingJob, type EngineJob } from '../../mapping-engine/compiled/engine-selection';
import { createFsResolver } from '../../mapping-engine/node/fs-resolver';
import { compileCrmForRecords, crmByHand, generateCrmAccounts } from './crm-accounts';
import { flatRenameByHand, generateFlatRecords } from './flat-rename';
import { generateOrders, orderLinesByHand } from './order-lines';

/** Names of the engine workloads, in table order. */
export const WORKLOAD_NAMES = ['flat-rename', 'crm-to-erp', 'order-lines'] as const;
/** One of {@link WORKLOAD_NAMES}. */
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** A workload ready to measure. */
export interface Workload {
  name: WorkloadName;
  /** Seeded records; the same count always gives the same records. */
  generate(count: number): unknown[];
  /** The compiled JSONata expression of the mapping document. */
  expression: string;
  /** The same document compiled to a JavaScript program (mapping-engine/compiled), as the engine sends it with the expression. */
  program?: string;
  /** The same mapping as a plain JavaScript function. */
  byHand(records: readonly unknown[]): unknown[];
}

/** Directory of the benchmark mapping documents. */
export const MAPPINGS_DIR = join(import.meta.dirname, '..', 'mappings');

/** Compiles a project file the way `mapwright compile` does. */
export async function compileMappingFile(file: string): Promise<string> {
  return (await compileMappingJob(file)).expression;
}

/** Compiles a project file to what a run job carries: its expression and, when it compiles to one, its program. */
export async function compileMappingJob(file: string): Promise<EngineJob> {
  const project = await compileProject(await readFile(file, 'utf8'), file, createFsResolver());
  return mappingJob(project);
}

/** Loads (generates nothing yet, compiles the mapping) the workload `name`. */
export async function loadWorkload(name: WorkloadName): Promise<Workload> {
  switch (name) {
    case 'flat-rename':
      return {
        name,
        generate: (count) => generateFlatRecords(count),
        ...(await compileMappingJob(join(MAPPINGS_DIR, 'flat-rename-jsonl.mapwright.json'))),
        byHand: (records) => flatRenameByHand(records as Parameters<typeof flatRenameByHand>[0]),
      };
    case 'crm-to-erp': {
      const { expression, program, tables } = await compileCrmForRecords();
      // The sample's countries table is a code table (code -> name).
      const run = crmByHand((tables.countries ?? {}) as Record<string, string>);
      return { name, generate: (count) => generateCrmAccounts(count), expression, ...(program ? { program } : {}), byHand: (records) => run(records as Parameters<typeof run>[0]) };
    }
    case 'order-lines':
      return {
        name,
        generate: (count) => generateOrders(count),
        ...(await compileMappingJob(join(MAPPINGS_DIR, 'order-lines-jsonl.mapwright.json'))),
        byHand: (records) => orderLinesByHand(records as Parameters<typeof orderLinesByHand>[0]),
      };
  }
}
