import { describe, expect, it } from 'vitest';
import { cliRows } from './cli-section';
import { timeStarts } from './cli-start';

describe('the CLI start section', () => {
  it('reports each CLI case as best and median against the best of the baseline, and says when a case failed', () => {
    const rows = cliRows([
      { label: 'node -e 0', ms: [40, 50, 45] },
      { label: 'mapwright --help', ms: [200, 120, 160] },
      { label: 'mapwright validate x', ms: [], failed: 'exit 2: DOC_INVALID x' },
    ]);
    expect(rows[0]).toMatchObject({ case: 'mapwright --help', runs: 3, ms: 120, medianMs: 160, baselineMs: 40, ratio: 3, underGoal: 'yes' });
    expect(rows[1]).toMatchObject({ case: 'mapwright validate x', runs: 0, ratio: null, underGoal: null });
    expect(rows[1]!.ms).toMatch(/^not run \(exit 2/);
  });

  it('times child processes round by round, and records a failing command instead of a time', async () => {
    const times = await timeStarts(
      [
        { label: 'ok', args: ['-e', '0'] },
        { label: 'fails', args: ['-e', 'process.exit(3)'] },
      ],
      2,
    );
    expect(times[0]!.ms).toHaveLength(2);
    expect(times[0]!.ms.every((ms) => ms > 0)).toBe(true);
    expect(times[1]).toMatchObject({ ms: [], failed: expect.stringMatching(/^exit 3/) });
  });
});
