/** Runs the `mapwright` CLI in-process and captures what it prints, for CLI tests. */
import { main } from '../../mapping-engine/node/cli/main';

/** What one CLI run gave: its exit code and everything written to stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `mapwright <argv...>` with captured output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}
