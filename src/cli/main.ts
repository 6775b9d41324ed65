import { UsageError } from "./args";
import { Command, Io } from "./command";
import { demoCommand } from "./commands/demo";
import { importCommand } from "./commands/import";
import { roadmapCommand } from "./commands/roadmap";
import { scoreCommand } from "./commands/score";
import { validateCommand } from "./commands/validate";
import { workbookCommand } from "./commands/workbook";
import { processIo } from "./processIo";

const PROGRAM = "partner-strategy";
const COMMANDS: readonly Command[] = [
  workbookCommand,
  scoreCommand,
  demoCommand,
  validateCommand,
  importCommand,
  roadmapCommand,
];
const COMMAND_NAMES = COMMANDS.map((c) => c.name).join(", ");

const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

function printHelp(io: Io): void {
  io.out(`Usage: ${PROGRAM} <command> [arguments]   (${PROGRAM} <command> --help for one command)`);
  io.out("");
  io.out("Commands:");
  for (const c of COMMANDS) {
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
    printHelp(io);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(
      `${PROGRAM}: unknown command "${name}": use one of ${COMMAND_NAMES} (see ${PROGRAM} --help)`
    );
    return 2;
  }
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
