import { parseArgs } from "util";

/** Bad command-line input: main prints the message on one line and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface CommandLine<Name extends string> {
  readonly positionals: string[];
  readonly values: Partial<Record<Name, string>>;
}

/** "-5", "-0.5", "-.5": an argument, not a short option (a rating or weight typed negative by mistake). */
const NEGATIVE_NUMBER = /^-\.?\d/;

/**
 * Arguments and `--name value` options (every option takes a value), parsed by parseArgs in its lenient mode
 * and checked here, so each problem is one sentence naming the argument: Node's strict messages span lines,
 * and it would read a negative number as a short option.
 */
export function parseCommandLine<Name extends string>(
  args: readonly string[],
  optionNames: readonly Name[]
): CommandLine<Name> {
  const options = Object.fromEntries(optionNames.map((n) => [n, { type: "string" as const }]));
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values: Partial<Record<Name, string>> = {};
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
    const name = optionNames.find((n) => n === token.name);
    if (name === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    const value = token.value;
    // Without "=", a value that is itself an option means the value was forgotten: "--out --formulas addin".
    const forgotten = !token.inlineValue && value?.startsWith("-") && !NEGATIVE_NUMBER.test(value);
    if (value === undefined || forgotten) throw new UsageError(`${token.rawName} needs a value`);
    values[name] = value;
  }
  return { positionals, values };
}

export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}
