import { FormulaMode } from "../../workbook/plan";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../workbook/sample";
import { noPositionals, parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { mergeReport, scaffoldWorkbookFile, settingsNote, xlsxPathArg } from "../writeWorkbookFile";

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
  usage: "--out FILE [--formulas portable|addin] [--settings settings.json]",
  summary:
    "Write the program workbook with the sample partners to FILE (.xlsx). portable (default): native " +
    "formulas that compute in any spreadsheet; addin: =PS.* functions, computed by the add-in. " +
    "--settings: the program settings (company, ARR, targets, program year...) as a JSON object. " +
    "When FILE exists, only the sheets and tables it lacks are added (with the settings of --settings, " +
    "else of its tblSettings); every sheet it has is kept as it is.",
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["out", "formulas", "settings"]);
    noPositionals(positionals);
    if (values.out === undefined)
      throw new UsageError("--out is required: the .xlsx file to write");
    const out = xlsxPathArg(values.out);
    const mode = formulaMode(values.formulas);
    const partners = SAMPLE_PARTNERS;
    const result = await scaffoldWorkbookFile(out, values.settings, (settings) =>
      programWorkbookPlan({ mode, partners, settings })
    );
    if (result.kind === "merged") {
      for (const line of mergeReport(result.path, result.merge, values.settings)) io.out(line);
      return 0;
    }
    io.out(
      `${result.path}: sheets ${result.plan.sheets.map((s) => s.name).join(", ")}; ` +
        `${partners.length} partners; ${mode} formulas${settingsNote(result, values.settings)}`
    );
    return 0;
  },
};
