import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (plain Node: engine, host, CLI, golden tests) and `e2e`
 * (real Chromium against the loopback web host). `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['mapping-engine/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/security/**/*.test.ts', 'bench/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Set-up hooks load schemas such as UBL 2.1 (seconds alone, far more on a loaded CI machine); the default is 10 s.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll waits for a state; its default of 1 s is a fixed time a busy machine can miss.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
