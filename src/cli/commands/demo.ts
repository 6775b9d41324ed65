import { attractivenessScore, Band, BANDS, parseRatings, scoreBand } from "../../domain/scoring";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../workbook/sample";
import { RatedPartner } from "../../workbook/scoringSheet";
import { noPositionals, parseCommandLine } from "../args";
import { Command } from "../command";
import { formatScore } from "../formatScore";
import { mergeReport, scaffoldWorkbookFile, settingsNote, xlsxPathArg } from "../writeWorkbookFile";

const DEFAULT_OUT = "partner-program.xlsx";
const TOP = 5;

interface Scored {
  readonly partner: RatedPartner;
  readonly score: number;
  readonly band: Band;
}

/** The sample's scores as the domain computes them: the workbook's formulas compute the same numbers. */
function scoreAll(partners: readonly RatedPartner[]): { scored: Scored[]; notRated: number } {
  const scored: Scored[] = [];
  for (const partner of partners) {
    const ratings = parseRatings(partner.ratings);
    if (!ratings.ok) continue;
    const score = attractivenessScore(ratings.value);
    scored.push({ partner, score, band: scoreBand(score) });
  }
  scored.sort((a, b) => b.score - a.score || a.partner.name.localeCompare(b.partner.name));
  return { scored, notRated: partners.length - scored.length };
}

export const demoCommand: Command = {
  name: "demo",
  usage: `[--out FILE] [--settings settings.json]`,
  summary:
    `Write the program workbook (portable formulas) to FILE (default ./${DEFAULT_OUT}) and summarise ` +
    "the sample partners; --settings as for workbook. When FILE exists, only what it lacks is added.",
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["out", "settings"]);
    noPositionals(positionals);
    const out = xlsxPathArg(values.out ?? DEFAULT_OUT);
    const partners = SAMPLE_PARTNERS;
    const result = await scaffoldWorkbookFile(
      out,
      values.settings,
      (settings) => programWorkbookPlan({ mode: "portable", data: "sample", partners, settings }),
      io
    );

    const { scored, notRated } = scoreAll(partners);
    const byBand = BANDS.map((band) => `${band} ${scored.filter((s) => s.band === band).length}`);
    io.out(
      `${partners.length} sample partners by band: ${byBand.join(", ")}, not yet rated ${notRated}`
    );
    io.out(`Top ${TOP} by score:`);
    scored.slice(0, TOP).forEach((s, i) => {
      io.out(`  ${i + 1}. ${s.partner.name} (${s.partner.type}) ${formatScore(s.score)} ${s.band}`);
    });
    if (result.kind === "merged") {
      for (const line of mergeReport(`Workbook: ${result.path}`, result.merge, values.settings))
        io.out(line);
      return 0;
    }
    io.out(
      `Workbook: ${result.path} (${result.plan.sheets.map((s) => s.name).join(", ")}; ` +
        `${Math.ceil(result.bytes / 1024)} KB)${settingsNote(result, values.settings)}`
    );
    return 0;
  },
};
