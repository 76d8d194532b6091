import jsonata from 'jsonata';
import { afterAll, describe, expect, it } from 'vitest';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { jsonLinesBytes, runChunked } from '../measure/chunked-run';
import { loadWorkload, WORKLOAD_NAMES } from './workloads';

const pool = new RunnerPool({ size: 2 });
afterAll(() => pool.close());

/** The records of a JSON Lines text. */
const lines = (text: string): unknown[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);

describe.each(WORKLOAD_NAMES)('workload %s', (name) => {
  it('generates the same records from the same seed and different ones for more records', async () => {
    const workload = await loadWorkload(name);
    expect(workload.generate(50)).toEqual(workload.generate(50));
    expect(workload.generate(60).slice(0, 50)).toEqual(workload.generate(50));
  });

  it('gives the same output through jsonata, by hand and in slices through the pool', async () => {
    const workload = await loadWorkload(name);
    const records = workload.generate(450);
    const viaJsonata = (await jsonata(workload.expression).evaluate(records)) as unknown[];
    expect(viaJsonata).toHaveLength(450);
    // JSON round trip: jsonata marks its sequences, the hand-written output is plain data.
    expect(JSON.parse(JSON.stringify(workload.byHand(records)))).toEqual(JSON.parse(JSON.stringify(viaJsonata)));
    const chunked = await runChunked(pool, workload.expression, jsonLinesBytes(records), { sliceBytes: 4096, inFlight: 3 });
    expect(lines(chunked)).toEqual(JSON.parse(JSON.stringify(viaJsonata)));
    // The same slices with the compiled program in the job (what Mapwright sends).
    expect(workload.program).toBeDefined();
    expect(lines(await runChunked(pool, workload, jsonLinesBytes(records), { sliceBytes: 4096, inFlight: 3 }))).toEqual(JSON.parse(JSON.stringify(viaJsonata)));
  });
});

it('reports the first failing slice instead of returning partial output', async () => {
  const workload = await loadWorkload('order-lines');
  const records = workload.generate(30) as Array<{ orderDate: string }>;
  records[25]!.orderDate = '2025-02-31';
  const bytes = jsonLinesBytes(records);
  // Slices of about a third of the file: the bad record is in the last.
  await expect(runChunked(pool, workload.expression, bytes, { sliceBytes: Math.ceil(bytes.length / 3) })).rejects.toThrow(/slice 2: RUN_/);
});
