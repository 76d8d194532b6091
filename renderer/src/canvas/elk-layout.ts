/**
 * ELK for the renderer, in a worker: elkjs's worker build bundled by Vite,
 * so laying out a crowded lane never blocks the window's thread (and the
 * strict CSP needs no blob: or remote script). Created on the first Tidy.
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js';
import ElkWorker from 'elkjs/lib/elk-worker.min.js?worker';

let elk: InstanceType<typeof ELK> | undefined;

/** Lays out `graph` with ELK in its worker. */
export function elkLayout(graph: ElkNode): Promise<ElkNode> {
  elk ??= new ELK({ workerFactory: () => new ElkWorker() });
  return elk.layout(graph);
}
