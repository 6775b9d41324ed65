import { parseArgs } from "util";

/** Bad command-line input: main prints the message on one line and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface CommandLine<Name extends string, Flag extends string = never> {
  readonly positionals: string[];
  readonly values: Partial<Record<Name, string>>;
  /** The flags given (options without a value, such as --json). */
  readonly flags: ReadonlySet<Flag>;
}

/** "-5", "-0.5", "-.5": an argument, not a short option (a rating or weight typed negative by mistake). */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Arguments, `--name value` options and `--flag` flags (which take no value), parsed by parseArgs in its
 * lenient mode and checked here, so each problem is one sentence naming the argument: Node's strict
 * messages span lines, and it would read a negative number as a short option.
 */
export function parseCommandLine<Name extends string, Flag extends string = never>(
  args: readonly string[],
  optionNames: readonly Name[],
  flagNames: readonly Flag[] = []
): CommandLine<Name, Flag> {
  const options = Object.fromEntries([
    ...optionNames.map((n) => [n, { type: "string" as const }]),
    ...flagNames.map((n) => [n, { type: "boolean" as const }]),
  ]);
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values: Partial<Record<Name, string>> = {};
  const flags = new Set<Flag>();
  const negativeAt = new Set<number>();
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const raw = args[token.index]!;
    if (NEGATIVE_NUMBER.test(raw)) {
      // "-55" arrives as two short options at one index: keep the argument once.
      if (!negativeAt.has(token.index)) positionals.push(raw);
      negativeAt.add(token.index);
      continue;
    }
    const flag = flagNames.find((n) => n === token.name);
    if (flag !== undefined) {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      flags.add(flag);
      continue;
    }
    const name = optionNames.find((n) => n === token.name);
    if (name === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    const value = token.value;
    // Without "=", a value that is itself an option means the value was forgotten: "--out --formulas addin".
    const forgotten = !token.inlineValue && value?.startsWith("-") && !NEGATIVE_NUMBER.test(value);
    if (value === undefined || forgotten) throw new UsageError(`${token.rawName} needs a value`);
    values[name] = value;
  }
  return { positionals, values, flags };
}

export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}
