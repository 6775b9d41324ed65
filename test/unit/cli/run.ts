import { main } from "../../../src/cli/main";

/** Runs the CLI in-process with captured output, as a user would see it. */
export async function run(
  ...argv: string[]
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** A usage error: exit code 2, exactly this one line on stderr, nothing on stdout. */
export async function expectUsageError(argv: string[], line: string): Promise<void> {
  await expect(run(...argv)).resolves.toEqual({ code: 2, out: [], err: [line] });
}
