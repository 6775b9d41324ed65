import { describeDateProblem, isBlank, listOf, readDate, readText } from "./cells";
import { PARTNER_TYPE_WORDS } from "./partners";
import { Finding, RawCell } from "./findings";
import { ProgramSettings } from "./settings";

/** The six questions of playbook §1.1: why partnerships are the right growth lever now. */
export const RATIONALE_GAPS = [
  {
    key: "marketVelocityGap",
    label: "Market velocity gap",
    question: "Where organic sales is too slow to penetrate fast enough",
  },
  {
    key: "credibilityGap",
    label: "Credibility gap",
    question: "Where partner brand credibility unlocks doors that direct sales cannot",
  },
  {
    key: "deliveryGap",
    label: "Delivery gap",
    question: "Where the product requires consulting/implementation that we don't provide",
  },
  {
    key: "geographicGap",
    label: "Geographic gap",
    question: "Markets where partners have reach we lack",
  },
  {
    key: "costEfficiency",
    label: "Cost efficiency",
    question: "Where partner-sourced CAC is lower than direct",
  },
  {
    key: "competitivePressure",
    label: "Competitive pressure",
    question: "Competitor partnerships that must be countered",
  },
] as const;

export type RationaleGap = (typeof RATIONALE_GAPS)[number]["key"];

/** Answers for the default (fictional) company, so that a new workbook reads as a worked example. */
export const DEFAULT_RATIONALE: Readonly<Record<RationaleGap, string>> = {
  marketVelocityGap:
    "Direct sales closes 4–5 regulated enterprise accounts a quarter; the North America pipeline needs three times that.",
  credibilityGap:
    "Chief risk officers buy on the advice of their audit and risk advisors, not on vendor outreach.",
  deliveryGap: "Every deployment needs data integration and control mapping that we do not staff.",
  geographicGap: "We have no sales presence in UK & Ireland or DACH; our partners' practices do.",
  costEfficiency: "Partner-sourced deals in the pilot cost about half the CAC of direct deals.",
  competitivePressure:
    "Two competitors have co-sell agreements with Big 4 risk practices; we must counter them.",
};

/**
 * The thesis statement of §1.3 as pieces, so that the workbook can assemble the same text with a formula
 * (each field a cell of the Settings table) and the domain can render it: a piece is literal text or a
 * setting. Shares are whole percentages (TEXT(x,"0%")); lists read as their cell does (", "-separated);
 * years say "1 year" or "N years".
 */
export type ThesisPiece =
  | { readonly text: string }
  | {
      readonly field: Exclude<
        keyof ProgramSettings,
        "currentArr" | "targetArr" | "productCategory" | "programYear"
      >;
    };

const t = (text: string): ThesisPiece => ({ text });
const f = (field: Extract<ThesisPiece, { field: unknown }>["field"]): ThesisPiece => ({ field });

/** One array of pieces per line of the statement. */
export const THESIS_LINES: readonly (readonly ThesisPiece[])[] = [
  [t("PARTNERSHIP THESIS — "), f("company")],
  [
    t("We will build a partner-led revenue channel that contributes "),
    f("partnerShare"),
    t(" of total ARR within "),
    f("years"),
    t(" by partnering with "),
    f("partnerTypes"),
    t(" who serve "),
    f("icp"),
    t(" in "),
    f("markets"),
    t("."),
  ],
  [
    t("We will prioritize "),
    f("priorityModels"),
    t(" models because "),
    f("modelRationale"),
    t("."),
  ],
  [
    t("Partner-led growth accelerates our market penetration by "),
    f("mechanism"),
    t(": "),
    f("accessPartners"),
    t(" provide access to "),
    f("icp"),
    t(" accounts we cannot reach directly, while "),
    f("platformPartners"),
    t(" extend our platform reach into "),
    f("adjacentUseCases"),
    t("."),
  ],
  [t("The program will be measured by: "), f("northStar"), t(".")],
];

/** A setting as the statement writes it. */
export function thesisField(
  settings: ProgramSettings,
  field: Extract<ThesisPiece, { field: unknown }>["field"]
): string {
  switch (field) {
    case "partnerShare":
      return `${Math.round(settings.partnerShare * 100)}%`;
    case "years":
      return `${settings.years} ${settings.years === 1 ? "year" : "years"}`;
    case "partnerTypes":
      return listOf(settings.partnerTypes.map((t) => PARTNER_TYPE_WORDS[t]));
    case "markets":
    case "priorityModels":
      return listOf(settings[field]);
    default:
      return settings[field];
  }
}

/** The statement's lines, assembled from the settings. */
export const thesisLines = (settings: ProgramSettings): string[] =>
  THESIS_LINES.map((line) =>
    line
      .map((piece) => ("text" in piece ? piece.text : thesisField(settings, piece.field)))
      .join("")
  );

/** The whole statement, one line per paragraph of §1.3. */
export const thesisStatement = (settings: ProgramSettings): string =>
  thesisLines(settings).join("\n");

/** Who signed the thesis off, and when. */
export interface ThesisSignOff {
  readonly by: string;
  readonly date: Date;
}

/** Labels of the Thesis sheet's sign-off cells. */
export const SIGN_OFF_LABELS = { by: "Signed Off By", date: "Sign-Off Date" } as const;

/**
 * The thesis's sign-off from its two cells. It counts only with a name and a date; a date cell that holds
 * something other than a date is a finding ("thesis.bad-value"), so the analyst knows why it does not count.
 */
export function readThesisSignOff(
  by: RawCell,
  date: RawCell,
  sheet: string
): { readonly signOff: ThesisSignOff | undefined; readonly findings: Finding[] } {
  const name = readText(by.value);
  const when = readDate(date.value);
  const findings: Finding[] = [];
  if (!when.ok && !isBlank(date.value)) {
    findings.push({
      severity: "error",
      rule: "thesis.bad-value",
      sheet,
      cell: date.cell,
      message: describeDateProblem(when.error, SIGN_OFF_LABELS.date),
    });
  }
  return {
    signOff: name !== undefined && when.ok ? { by: name, date: when.value } : undefined,
    findings,
  };
}
