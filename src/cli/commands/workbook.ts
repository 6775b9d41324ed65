import { FormulaMode } from "../../workbook/plan";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../workbook/sample";
import { noPositionals, parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { writeWorkbookFile, xlsxPathArg } from "../writeWorkbookFile";

const MODES: readonly FormulaMode[] = ["portable", "addin"];

function formulaMode(value: string | undefined): FormulaMode {
  if (value === undefined) return "portable";
  const mode = MODES.find((m) => m === value);
  if (mode === undefined) {
    throw new UsageError(`--formulas must be ${MODES.join(" or ")}, got "${value}"`);
  }
  return mode;
}

export const workbookCommand: Command = {
  name: "workbook",
  usage: "--out FILE [--formulas portable|addin]",
  summary:
    "Write the program workbook with the sample partners to FILE (.xlsx). portable (default): native " +
    "formulas that compute in any spreadsheet; addin: =PS.* functions, computed by the add-in.",
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["out", "formulas"]);
    noPositionals(positionals);
    if (values.out === undefined)
      throw new UsageError("--out is required: the .xlsx file to write");
    const out = xlsxPathArg(values.out);
    const mode = formulaMode(values.formulas);
    const partners = SAMPLE_PARTNERS;
    const plan = programWorkbookPlan({ mode, partners });
    const written = await writeWorkbookFile(out, plan);
    io.out(
      `${written.path}: sheets ${plan.sheets.map((s) => s.name).join(", ")}; ` +
        `${partners.length} partners; ${mode} formulas`
    );
    return 0;
  },
};
