import { FormulaMode, WorkbookPlan } from "../../workbook/plan";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { scoredPartnerCount } from "../../workbook/scoringSheet";
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

/** "28 partners", or for a blank workbook what it holds instead. */
function dataNote(plan: WorkbookPlan): string {
  const partners = scoredPartnerCount(plan);
  return partners === 0 ? "empty data tables" : `${partners} partners`;
}

export const workbookCommand: Command = {
  name: "workbook",
  usage: "--out FILE [--formulas portable|addin] [--settings settings.json] [--sample]",
  summary:
    "Write the program workbook for the settings to FILE (.xlsx), its data tables empty and ready for your " +
    "partners; --sample fills them with the sample company's partners. portable (default): native " +
    "formulas that compute in any spreadsheet; addin: =PS.* functions, computed by the add-in. " +
    "--settings: the program settings (company, ARR, targets, program year...) as a JSON object. " +
    "When FILE exists, only the sheets and tables it lacks are added (with the settings of --settings, " +
    "else of its tblSettings); every sheet it has is kept as it is.",
  async run(args, io) {
    const { positionals, values, flags } = parseCommandLine(
      args,
      ["out", "formulas", "settings"],
      ["sample"]
    );
    noPositionals(positionals);
    if (values.out === undefined)
      throw new UsageError("--out is required: the .xlsx file to write");
    const out = xlsxPathArg(values.out);
    const mode = formulaMode(values.formulas);
    const data = flags.has("sample") ? "sample" : "blank";
    const result = await scaffoldWorkbookFile(
      out,
      values.settings,
      (settings) => programWorkbookPlan({ mode, data, settings }),
      io
    );
    if (result.kind === "merged") {
      for (const line of mergeReport(result.path, result.merge, values.settings)) io.out(line);
      return 0;
    }
    io.out(
      `${result.path}: sheets ${result.plan.sheets.map((s) => s.name).join(", ")}; ` +
        `${dataNote(result.plan)}; ${mode} formulas${settingsNote(result, values.settings)}`
    );
    return 0;
  },
};
