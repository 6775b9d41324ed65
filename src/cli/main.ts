import { UsageError } from "./args";
import { Command, Io } from "./command";
import { processIo } from "./processIo";

const PROGRAM = "partner-strategy";

/**
 * Each command's module is loaded only when it runs (or for --help): the workbook writers load exceljs,
 * a third of a second that `validate` on a CSV or `score` has no use for.
 */
const COMMANDS: readonly { readonly name: string; load(): Promise<Command> }[] = [
  { name: "workbook", load: async () => (await import("./commands/workbook")).workbookCommand },
  { name: "score", load: async () => (await import("./commands/score")).scoreCommand },
  { name: "demo", load: async () => (await import("./commands/demo")).demoCommand },
  { name: "validate", load: async () => (await import("./commands/validate")).validateCommand },
  { name: "import", load: async () => (await import("./commands/import")).importCommand },
  { name: "roadmap", load: async () => (await import("./commands/roadmap")).roadmapCommand },
];
const COMMAND_NAMES = COMMANDS.map((c) => c.name).join(", ");

const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

async function printHelp(io: Io): Promise<void> {
  io.out(`Usage: ${PROGRAM} <command> [arguments]   (${PROGRAM} <command> --help for one command)`);
  io.out("");
  io.out("Commands:");
  for (const c of await Promise.all(COMMANDS.map((entry) => entry.load()))) {
    io.out(`  ${PROGRAM} ${c.name} ${c.usage}`);
    io.out(`      ${c.summary}`);
  }
}

/**
 * Runs one command and resolves to the process exit code: 0 done, 1 failed (e.g. the file could not be
 * written), 2 bad arguments. Every failure is one line on stderr.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(`${PROGRAM}: missing command: one of ${COMMAND_NAMES} (see ${PROGRAM} --help)`);
    return 2;
  }
  if (isHelp(name)) {
    await printHelp(io);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(
      `${PROGRAM}: unknown command "${name}": use one of ${COMMAND_NAMES} (see ${PROGRAM} --help)`
    );
    return 2;
  }
  const command = await entry.load();
  if (args.some(isHelp)) {
    io.out(`Usage: ${PROGRAM} ${command.name} ${command.usage}`);
    io.out(command.summary);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    io.err(`${PROGRAM} ${command.name}: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof UsageError ? 2 : 1;
  }
}
