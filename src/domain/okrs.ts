import {
  ArgumentError,
  choiceLookup,
  isBlank,
  isUncomputed,
  readChoice,
  uncomputedFormula,
  readFraction,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { formatMoney, readMoney } from "./money";
import { err, ok, Result } from "./result";
import { RaciRole } from "./raci";
import { ROADMAP_GOLD_PARTNERS, ROADMAP_PLATINUM_PARTNERS } from "./roadmap";
import { ProgramSettings, yearOneTargets } from "./settings";
import { DEFAULT_TIER_RULES } from "./tiers/rules";

/**
 * Leading indicators move before the results do (meetings, proposals, enablement, activities); lagging
 * indicators are the results (revenue, signed and certified partners). The playbook asks for both.
 */
export const INDICATORS = ["Leading", "Lagging"] as const;
export type Indicator = (typeof INDICATORS)[number];

/** How a key result's target and current values read: the OKRs sheet formats them accordingly. */
export type OkrUnit = "count" | "money" | "percent" | "score" | "done";

/**
 * A figure an OKR takes from the settings. The OKRs sheet computes each one by formula from tblSettings, so
 * the words and targets follow every edit of the settings; okrFigure computes the same text here.
 */
export type OkrFigure = "yearShare" | "fullShare" | "years" | "programYear" | "pipeline";

/**
 * A piece of an OKR's words: text, a figure, or words said only when the thesis spans several years (the
 * OKR is then the program year's slice of the thesis's target, and says so).
 */
export type OkrPiece = OkrPlainPiece | { readonly multiYear: readonly OkrPlainPiece[] };
export type OkrPlainPiece = { readonly text: string } | { readonly figure: OkrFigure };

export type OkrWords = readonly OkrPiece[];

/** A key result whose words and target may depend on the settings. */
export interface KeyResultTemplate {
  readonly keyResult: OkrWords;
  readonly indicator: Indicator;
  /** For "done" key results, 1 (done) against a current 0 or 1. */
  readonly target: number | OkrFigure;
  readonly unit: OkrUnit;
  readonly owner: RaciRole;
  /** Where the workbook measures Current by formula, instead of the analyst typing it. */
  readonly measuredBy?: "dealRegistrationSla";
}

export interface ObjectiveTemplate {
  readonly objective: OkrWords;
  readonly keyResults: readonly KeyResultTemplate[];
}

export interface KeyResultEntry {
  readonly keyResult: string;
  readonly indicator: Indicator;
  /** For "done" key results, 1 (done) against a current 0 or 1. */
  readonly target: number;
  readonly unit: OkrUnit;
  readonly owner: RaciRole;
}

export interface ObjectiveEntry {
  readonly objective: string;
  readonly keyResults: readonly KeyResultEntry[];
}

/** Partner NPS worth aiming for in a first year; ours, the playbook leaves it as [N]. */
export const PARTNER_NPS_TARGET = 50;

const kr = (
  keyResult: OkrWords | string,
  indicator: Indicator,
  target: number | OkrFigure,
  unit: OkrUnit,
  owner: RaciRole
): KeyResultTemplate => ({
  keyResult: typeof keyResult === "string" ? [{ text: keyResult }] : keyResult,
  indicator,
  target,
  unit,
  owner,
});

const text = (t: string): OkrPlainPiece => ({ text: t });
const figure = (f: OkrFigure): OkrPlainPiece => ({ figure: f });

/** " (year 1 of 4 towards 35%)": the year's target is a slice of the thesis's, on a straight line. */
const slice = (after: string): OkrPiece => ({
  multiYear: [
    text(" (year 1 of "),
    figure("years"),
    text(" towards "),
    figure("fullShare"),
    text(`${after})`),
  ],
});

/**
 * The three objectives of §5.1, the playbook's [N] and [X] filled from the settings and the roadmap: the
 * Platinum and Gold partners the roadmap signs, the certifications their tiers require, the program year's
 * pipeline and share of ARR (see yearOneTargets). Counts of whitepapers, stages and press mentions are ours.
 * Why each key result leads or lags is in its comment.
 */
export const OKR_TEMPLATES: readonly ObjectiveTemplate[] = (() => {
  const { Platinum, Gold } = DEFAULT_TIER_RULES.criteria;
  const certified =
    ROADMAP_PLATINUM_PARTNERS * Platinum.certified + ROADMAP_GOLD_PARTNERS * Gold.certified;
  return [
    {
      objective: [
        text("Establish a world-class partner ecosystem that drives "),
        figure("yearShare"),
        text(" of ARR"),
        {
          multiYear: [
            text(" by the end of "),
            figure("programYear"),
            text(" (year 1 of "),
            figure("years"),
            text(" towards "),
            figure("fullShare"),
            text(")"),
          ],
        },
      ],
      keyResults: [
        // Signed partners are an outcome of the recruitment work: lagging.
        kr(
          [
            text(`Sign ${ROADMAP_PLATINUM_PARTNERS} Platinum partners by `),
            figure("programYear"),
            text("-12-31"),
          ],
          "Lagging",
          ROADMAP_PLATINUM_PARTNERS,
          "count",
          "Director Partner Dev"
        ),
        // Pipeline comes before revenue: leading.
        kr(
          [
            text("Achieve "),
            figure("pipeline"),
            text(" in partner-sourced pipeline by end of "),
            figure("programYear"),
            slice(" of ARR"),
          ],
          "Leading",
          "pipeline",
          "money",
          "VP Alliance GTM"
        ),
        // The playbook names certified partners as lagging.
        kr(
          `Reach ${certified} certified partner individuals across all tiers`,
          "Lagging",
          certified,
          "count",
          "Director Partner Ops"
        ),
        // Partner satisfaction predicts engagement and pipeline: leading.
        kr(
          `Partner NPS score ≥ ${PARTNER_NPS_TARGET}`,
          "Leading",
          PARTNER_NPS_TARGET,
          "score",
          "Director Partner Ops"
        ),
      ],
    },
    {
      objective: [text("Build market credibility through alliance thought leadership")],
      keyResults: [
        // Publishing and speaking are activities that build credibility: leading.
        kr(
          "Publish 2 co-authored whitepapers or reports with Platinum partners",
          "Leading",
          2,
          "count",
          "VP Alliance GTM"
        ),
        kr("Appear on 4 partner-hosted stages or events", "Leading", 4, "count", "VP Alliance GTM"),
        // Press coverage is the credibility earned: lagging.
        kr(
          "Generate 6 joint press mentions featuring partner relationships",
          "Lagging",
          6,
          "count",
          "VP Alliance GTM"
        ),
      ],
    },
    {
      objective: [text("Operationalize the partner program for scale")],
      keyResults: [
        // The portal enables the deal registrations that follow: leading.
        kr(
          "Launch partner portal with self-serve training and deal registration",
          "Leading",
          1,
          "done",
          "Director Partner Ops"
        ),
        // SLA compliance is measured after the fact over the year's registrations: lagging.
        {
          ...kr(
            "Achieve 48-hour deal registration response SLA at 95%+ compliance",
            "Lagging",
            0.95,
            "percent",
            "Director Partner Ops"
          ),
          // The Deal Registrations sheet's overall compliance is its Current.
          measuredBy: "dealRegistrationSla",
        },
        // QBRs are meetings: leading.
        kr(
          "Complete quarterly business reviews with 100% of Platinum and Gold partners",
          "Leading",
          1,
          "percent",
          "VP Alliance GTM"
        ),
      ],
    },
  ];
})();

/** A figure as the OKRs sheet's formulas write it: "9%", "4", "2028", "$1,700,000". */
export function okrFigure(f: OkrFigure, settings: ProgramSettings): string {
  switch (f) {
    case "yearShare":
      return `${Math.round(yearOneTargets(settings).partnerShare * 100)}%`;
    case "fullShare":
      return `${Math.round(settings.partnerShare * 100)}%`;
    case "years":
      return String(settings.years);
    case "programYear":
      return String(settings.programYear);
    case "pipeline":
      return formatMoney(yearOneTargets(settings).pipeline);
  }
}

/** An OKR's words for these settings. */
export const okrWords = (words: OkrWords, settings: ProgramSettings): string =>
  words
    .map((piece) => {
      if ("text" in piece) return piece.text;
      if ("figure" in piece) return okrFigure(piece.figure, settings);
      return settings.years > 1 ? okrWords(piece.multiYear, settings) : "";
    })
    .join("");

/** A key result's target for these settings. */
export const okrTarget = (target: number | OkrFigure, settings: ProgramSettings): number =>
  typeof target === "number" ? target : yearOneTargets(settings).pipeline;

/** The OKRs of the program year, their words and targets filled from the settings. */
export const okrObjectives = (settings: ProgramSettings): ObjectiveEntry[] =>
  OKR_TEMPLATES.map((o) => ({
    objective: okrWords(o.objective, settings),
    keyResults: o.keyResults.map((k) => ({
      ...k,
      keyResult: okrWords(k.keyResult, settings),
      target: okrTarget(k.target, settings),
    })),
  }));

/** Headers of tblOKRs, in the sheet's order. */
export const OKR_COLUMNS = {
  objective: "Objective",
  keyResult: "Key Result",
  indicator: "Leading or Lagging",
  target: "Target",
  current: "Current",
  progress: "Progress",
  owner: "Owner",
} as const;

/** One row of the OKRs table as the workbook starts it. */
export interface OkrEntry extends KeyResultEntry {
  readonly objective: string;
  readonly current: number;
}

/** One row per key result, current values 0: the program has not started. */
export const okrEntries = (settings: ProgramSettings): OkrEntry[] =>
  okrObjectives(settings).flatMap(({ objective, keyResults }) =>
    keyResults.map((k) => ({ objective, ...k, current: 0 }))
  );

/** One row of the OKRs table as the program workbook writes it, before the settings fill it in. */
export interface OkrTemplateRow extends KeyResultTemplate {
  readonly objective: OkrWords;
  readonly current: number;
}

/** The template's rows, one per key result, current values 0: the program has not started. */
export const okrTemplateRows = (): OkrTemplateRow[] =>
  OKR_TEMPLATES.flatMap(({ objective, keyResults }) =>
    keyResults.map((k) => ({ objective, ...k, current: 0 }))
  );

export type OkrArgument = "target" | "current";

/** A number in a target or current cell: 12, "95%", "$5,000,000". */
function readOkrNumber(raw: unknown): number | undefined {
  const fraction = readFraction(raw);
  if (fraction !== undefined) return fraction;
  const money = readMoney(raw);
  return money.ok ? money.value : undefined;
}

/**
 * Progress = current / target, kept within 0–1 (a key result over its target is done, one below zero has
 * not started). A blank current is 0. The target must be a positive number: 0 has no progress towards it.
 */
export function okrProgress(
  target: unknown,
  current: unknown
): Result<number, ArgumentError<OkrArgument>> {
  if (isBlank(target))
    return err({ argument: "target", kind: "blank", message: "target is blank" });
  const t = readOkrNumber(target);
  if (t === undefined) {
    return err({
      argument: "target",
      kind: "invalid",
      message: `target ${showValue(target)} is not a number`,
    });
  }
  if (t <= 0) {
    return err({
      argument: "target",
      kind: "invalid",
      message: `target is ${t}: progress is measured against a positive target`,
    });
  }
  const c = isBlank(current) ? 0 : readOkrNumber(current);
  if (c === undefined) {
    return err({
      argument: "current",
      kind: "invalid",
      message: `current ${showValue(current)} is not a number`,
    });
  }
  return ok(Math.min(1, Math.max(0, c / t)));
}

const INDICATOR_LOOKUP = choiceLookup(INDICATORS);
export const readIndicator = (raw: unknown): Indicator | undefined =>
  readChoice(raw, INDICATOR_LOOKUP);

/** One row of tblOKRs as read; a column the table lacks is undefined. */
export interface OkrRow {
  readonly objective: RawCell;
  readonly keyResult: RawCell;
  readonly indicator?: RawCell;
  readonly target?: RawCell;
  readonly current?: RawCell;
}

/**
 * The OKRs' rules. Every objective has at least one leading and one lagging key result
 * ("quality.okr-indicators", at the objective's first cell); every key result has a target
 * ("quality.okr-target", a warning), is marked Leading or Lagging and has a usable target and current
 * ("okr.bad-value"). A blank objective continues the one above, as
 * analysts group key results under an objective written once. Rows with nothing in them are skipped.
 */
export function checkOkrs(rows: readonly OkrRow[], sheet: string): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const objectives = new Map<string, { name: string; cell: RawCell; kinds: Set<Indicator> }>();
  let current: { name: string; cell: RawCell; kinds: Set<Indicator> } | undefined;
  for (const row of rows) {
    const cells = [row.objective, row.keyResult, row.indicator, row.target, row.current];
    if (cells.every((c) => c === undefined || isBlank(c.value))) continue;
    // An objective not yet computed is known by its formula: the same formula is the same objective.
    const computing = uncomputedFormula(row.objective.value);
    const objective =
      readText(row.objective.value) ??
      (computing === undefined ? undefined : `the objective at ${row.objective.cell}`);
    if (objective !== undefined) {
      const key = computing ?? objective.toLowerCase();
      current = objectives.get(key) ?? { name: objective, cell: row.objective, kinds: new Set() };
      objectives.set(key, current);
    }
    const name =
      readText(row.keyResult.value) ??
      (isUncomputed(row.keyResult.value) ? `at ${row.keyResult.cell}` : undefined);
    if (name === undefined) {
      if (objective === undefined)
        report("error", "okr.bad-value", row.keyResult, "the key result is blank");
      continue;
    }
    if (current === undefined) {
      report("error", "okr.bad-value", row.objective, `key result "${name}" has no objective`);
      continue;
    }
    if (row.indicator !== undefined) {
      const indicator = readIndicator(row.indicator.value);
      if (indicator !== undefined) current.kinds.add(indicator);
      else {
        const what = isBlank(row.indicator.value)
          ? "is not marked"
          : `is marked ${showValue(row.indicator.value)}, not`;
        report(
          "error",
          "okr.bad-value",
          row.indicator,
          `key result "${name}" ${what} Leading or Lagging`
        );
      }
    }
    if (row.target !== undefined && isBlank(row.target.value)) {
      report(
        "warning",
        "quality.okr-target",
        row.target,
        `key result "${name}" has no target: a key result is measured against one`
      );
    } else if (
      row.target !== undefined &&
      !isUncomputed(row.target.value) &&
      !isUncomputed(row.current?.value)
    ) {
      const progress = okrProgress(row.target.value, row.current?.value);
      if (!progress.ok) {
        const cell =
          progress.error.argument === "current" && row.current ? row.current : row.target;
        report("error", "okr.bad-value", cell, `key result "${name}": ${progress.error.message}`);
      }
    }
  }
  for (const o of objectives.values()) {
    const missing: [Indicator, string][] = [
      ["Leading", "activities such as meetings and proposals"],
      ["Lagging", "results such as revenue and certified partners"],
    ];
    for (const [kind, examples] of missing) {
      if (o.kinds.has(kind)) continue;
      report(
        "error",
        "quality.okr-indicators",
        o.cell,
        `objective "${o.name}" has no ${kind.toLowerCase()} key result (${examples}): measure both leading and lagging indicators`
      );
    }
  }
  return findings;
}
