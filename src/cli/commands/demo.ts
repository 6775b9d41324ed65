import { attractivenessScore, Band, BANDS, parseRatings, scoreBand } from "../../domain/scoring";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../workbook/sample";
import { RatedPartner } from "../../workbook/scoringSheet";
import { noPositionals, parseCommandLine } from "../args";
import { Command } from "../command";
import { formatScore } from "../formatScore";
import { writeWorkbookFile, xlsxPathArg } from "../writeWorkbookFile";

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
  usage: `[--out FILE]`,
  summary: `Write the program workbook (portable formulas) to FILE (default ./${DEFAULT_OUT}) and summarise the sample partners.`,
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["out"]);
    noPositionals(positionals);
    const out = xlsxPathArg(values.out ?? DEFAULT_OUT);
    const partners = SAMPLE_PARTNERS;
    const plan = programWorkbookPlan({ mode: "portable", partners });
    const written = await writeWorkbookFile(out, plan);

    const { scored, notRated } = scoreAll(partners);
    const byBand = BANDS.map((band) => `${band} ${scored.filter((s) => s.band === band).length}`);
    io.out(
      `${partners.length} sample partners by band: ${byBand.join(", ")}, not yet rated ${notRated}`
    );
    io.out(`Top ${TOP} by score:`);
    scored.slice(0, TOP).forEach((s, i) => {
      io.out(`  ${i + 1}. ${s.partner.name} (${s.partner.type}) ${formatScore(s.score)} ${s.band}`);
    });
    io.out(
      `Workbook: ${written.path} (${plan.sheets.map((s) => s.name).join(", ")}; ${Math.ceil(written.bytes / 1024)} KB)`
    );
    return 0;
  },
};
