import { isBlank } from "../cells";
import { Finding, FindingsCollector, RawCell, sortFindings } from "../findings";
import { formatMoney } from "../money";
import { err, ok, Result } from "../result";
import { TierInputError } from "./inputs";
import {
  DEFAULT_TIER_RULES,
  PipelineMode,
  playbookBenefits,
  TIER_PLAYBOOK,
  TierCommitments,
  TierCriteria,
  TierRules,
} from "./rules";
import { RANKED_TIERS, RankedTier, readTier, Tier, TIERS, TIERS_HIGHEST_FIRST } from "./tier";
import { describeValueProblem, readAmount, readCount, readFlag, ValueProblem } from "./values";

/** Headers of tblTiers, in the sheet's order. */
export const TIER_COLUMNS = {
  tier: "Tier",
  pipelineTarget: "Pipeline Target",
  certified: "Certified Individuals",
  dedicatedPractice: "Dedicated Practice",
  reviewEveryQuarters: "Review Every (Quarters)",
  jointActivitiesPerYear: "Joint GTM Activities per Year",
  benefits: "Benefits",
  commitments: "Commitments",
} as const;

/** One row of tblTiers as read; a column the table lacks is absent (its defaults apply). */
export interface TierTableRow {
  readonly tier: RawCell;
  readonly pipelineTarget?: RawCell;
  readonly certified?: RawCell;
  readonly dedicatedPractice?: RawCell;
  readonly reviewEveryQuarters?: RawCell;
  readonly jointActivitiesPerYear?: RawCell;
}

/** Headers of tblTierRules. */
export const TIER_SETTING_COLUMNS = { setting: "Setting", value: "Value" } as const;

export interface TierSettingRow {
  readonly setting: RawCell;
  readonly value: RawCell;
}

type SettingKey = "pipelineMode" | "exitWindow" | "registeredExitWindow" | "movementStreak";

/** The Setting column's names and what each means, in tblTierRules's order. */
export const TIER_SETTINGS: Readonly<
  Record<SettingKey, { readonly name: string; readonly note: string }>
> = {
  pipelineMode: {
    name: "Pipeline Mode",
    note:
      "Trailing four quarters: the sum of the last four quarters (annualised × 4/n while a partner has " +
      "fewer than four). Annualised quarter: the quarter × 4.",
  },
  exitWindow: {
    name: "Exit Window (Quarters)",
    note: "Quarters without pipeline after which a partnership ends (playbook: 12 months).",
  },
  registeredExitWindow: {
    name: "Registered Exit Window (Quarters)",
    note: "The same for Registered partners (playbook: 6 months).",
  },
  movementStreak: {
    name: "Promotion/Demotion Streak (Quarters)",
    note: "Consecutive quarters above (below) a tier's criteria that promote (demote) a partner.",
  },
};

export const PIPELINE_MODE_NAMES: Readonly<Record<PipelineMode, string>> = {
  "trailing-four-quarters": "Trailing four quarters",
  "annualised-quarter": "Annualised quarter",
};

/** Windows and streaks beyond ten years are typing accidents; the bound also keeps each review's work small. */
export const MAX_QUARTERS_SETTING = 40;

/** Lower case, letters and digits only: "Exit window (quarters)" and "EXIT WINDOW QUARTERS" are one name. */
const normalise = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const SETTING_BY_NAME: ReadonlyMap<string, SettingKey> = new Map(
  (Object.keys(TIER_SETTINGS) as SettingKey[]).map((key) => [
    normalise(TIER_SETTINGS[key].name),
    key,
  ])
);

const MODE_BY_NAME: ReadonlyMap<string, PipelineMode> = new Map([
  ["trailingfourquarters", "trailing-four-quarters"],
  ["trailing4quarters", "trailing-four-quarters"],
  ["annualisedquarter", "annualised-quarter"],
  ["annualizedquarter", "annualised-quarter"],
]);

/** A whole number of quarters from 1 to MAX_QUARTERS_SETTING. */
function readQuarters(raw: unknown): Result<number, string> {
  const n = readCount(raw);
  if (!n.ok) return err(describeValueProblem(n.error, "the value"));
  if (n.value < 1 || n.value > MAX_QUARTERS_SETTING) {
    return err(
      `the value ${n.value} is not a number of quarters from 1 to ${MAX_QUARTERS_SETTING}`
    );
  }
  return ok(n.value);
}

interface Collector {
  readonly collector: FindingsCollector;
  /**
   * Whether a finding also says what applies instead ("the default $500,000 applies"): true for the sheets,
   * whose bad values fall back; false for a function's tiersRange, where any error fails the call.
   */
  readonly fallsBack: boolean;
}

function report(
  c: Collector,
  severity: Finding["severity"],
  rule: string,
  cell: string,
  problem: string,
  instead?: string
): void {
  const message = c.fallsBack && instead !== undefined ? `${problem}; ${instead}` : problem;
  c.collector.report(severity, rule, cell, message);
}

function parseCriteria(c: Collector, tier: RankedTier, row: TierTableRow): TierCriteria {
  const base = DEFAULT_TIER_RULES.criteria[tier];
  const field = <T>(
    cell: RawCell | undefined,
    header: string,
    read: (raw: unknown) => Result<T, ValueProblem>,
    fallback: T,
    shown: string,
    money = false
  ): T => {
    if (cell === undefined) return fallback;
    const r = read(cell.value);
    if (r.ok) return r.value;
    const problem = describeValueProblem(r.error, `${tier} ${header.toLowerCase()}`, money);
    report(
      c,
      "error",
      "tier-rules.bad-value",
      cell.cell,
      `${problem}`,
      `the default ${shown} applies`
    );
    return fallback;
  };
  const { pipelineTarget, certified, dedicatedPractice } = TIER_COLUMNS;
  const practiceShown = base.dedicatedPractice ? "Yes" : "No";
  return {
    pipeline: field(
      row.pipelineTarget,
      pipelineTarget,
      readAmount,
      base.pipeline,
      formatMoney(base.pipeline),
      true
    ),
    certified: field(row.certified, certified, readCount, base.certified, String(base.certified)),
    dedicatedPractice: field(
      row.dedicatedPractice,
      dedicatedPractice,
      readFlag,
      base.dedicatedPractice,
      practiceShown
    ),
  };
}

function parseCommitments(c: Collector, tier: Tier, row: TierTableRow): TierCommitments {
  const base = DEFAULT_TIER_RULES.commitments[tier];
  const commitments: { reviewEveryQuarters?: number; jointActivitiesPerYear?: number } = {};
  const review = row.reviewEveryQuarters;
  if (review === undefined) {
    if (base.reviewEveryQuarters !== undefined)
      commitments.reviewEveryQuarters = base.reviewEveryQuarters;
  } else if (!isBlank(review.value)) {
    const r = readQuarters(review.value);
    if (r.ok) commitments.reviewEveryQuarters = r.value;
    else
      report(
        c,
        "error",
        "tier-rules.bad-value",
        review.cell,
        `${tier} review cadence: ${r.error}`,
        `no review is required`
      );
  }
  const activities = row.jointActivitiesPerYear;
  if (activities === undefined) {
    if (base.jointActivitiesPerYear !== undefined) {
      commitments.jointActivitiesPerYear = base.jointActivitiesPerYear;
    }
  } else if (!isBlank(activities.value)) {
    const r = readCount(activities.value);
    if (r.ok) commitments.jointActivitiesPerYear = r.value;
    else {
      const problem = describeValueProblem(r.error, `${tier} joint GTM activities per year`);
      report(
        c,
        "error",
        "tier-rules.bad-value",
        activities.cell,
        `${problem}`,
        `no minimum is required`
      );
    }
  }
  return commitments;
}

/** Registered is what a partner meeting no criteria holds: criteria typed on its row cannot apply. */
function checkRegisteredHasNoCriteria(c: Collector, row: TierTableRow): void {
  const readsAs = <T>(read: (raw: unknown) => Result<T, ValueProblem>, raw: unknown, none: T) => {
    const r = read(raw);
    return r.ok && r.value === none;
  };
  const cells: [RawCell | undefined, string, (raw: unknown) => boolean][] = [
    [row.pipelineTarget, TIER_COLUMNS.pipelineTarget, (v) => readsAs(readAmount, v, 0)],
    [row.certified, TIER_COLUMNS.certified, (v) => readsAs(readCount, v, 0)],
    [row.dedicatedPractice, TIER_COLUMNS.dedicatedPractice, (v) => readsAs(readFlag, v, false)],
  ];
  for (const [cell, header, isNone] of cells) {
    if (cell === undefined || isNone(cell.value)) continue;
    report(
      c,
      "warning",
      "tier-rules.registered-criteria",
      cell.cell,
      `Registered has no criteria (it is what a partner meeting no other tier's criteria holds): its ${header.toLowerCase()} is ignored`
    );
  }
}

/** A higher tier asking less than a lower one makes the lower tier unreachable in part: worth a warning. */
function checkAscending(
  c: Collector,
  criteria: Readonly<Record<RankedTier, TierCriteria>>,
  rowOf: ReadonlyMap<Tier, TierTableRow>
): void {
  for (let i = 1; i < RANKED_TIERS.length; i++) {
    const lower = RANKED_TIERS[i - 1]!;
    const higher = RANKED_TIERS[i]!;
    const lo = criteria[lower];
    const hi = criteria[higher];
    const row = rowOf.get(higher) ?? rowOf.get(lower);
    if (!row) continue;
    const complaints: [boolean, RawCell | undefined, string][] = [
      [
        hi.pipeline < lo.pipeline,
        row.pipelineTarget,
        `a pipeline target of ${formatMoney(hi.pipeline)}, below ${lower}'s ${formatMoney(lo.pipeline)}`,
      ],
      [
        hi.certified < lo.certified,
        row.certified,
        `${hi.certified} certified, below ${lower}'s ${lo.certified}`,
      ],
      [
        lo.dedicatedPractice && !hi.dedicatedPractice,
        row.dedicatedPractice,
        `no dedicated practice, which ${lower} requires`,
      ],
    ];
    for (const [wrong, cell, what] of complaints) {
      if (!wrong) continue;
      report(
        c,
        "warning",
        "tier-rules.not-ascending",
        (cell ?? row.tier).cell,
        `${higher} asks for ${what}`
      );
    }
  }
}

function parseTierTable(c: Collector, rows: readonly TierTableRow[]) {
  const rowOf = new Map<Tier, TierTableRow>();
  let first: TierTableRow | undefined;
  for (const row of rows) {
    const cells = [
      row.tier,
      row.pipelineTarget,
      row.certified,
      row.dedicatedPractice,
      row.reviewEveryQuarters,
      row.jointActivitiesPerYear,
    ];
    if (cells.every((cell) => cell === undefined || isBlank(cell.value))) continue;
    first ??= row;
    const tier = readTier(row.tier.value);
    if (tier === undefined) {
      const problem = describeValueProblem({ kind: "notATier", value: row.tier.value }, "the tier");
      report(
        c,
        "error",
        "tier-rules.unknown-tier",
        row.tier.cell,
        `${problem}`,
        `the row is ignored`
      );
    } else if (rowOf.has(tier)) {
      report(
        c,
        "error",
        "tier-rules.duplicate-tier",
        row.tier.cell,
        `${tier} appears twice`,
        `the first row applies`
      );
    } else rowOf.set(tier, row);
  }
  const criteria = { ...DEFAULT_TIER_RULES.criteria };
  const commitments = { ...DEFAULT_TIER_RULES.commitments };
  for (const tier of TIERS) {
    const row = rowOf.get(tier);
    if (!row) continue;
    if (tier === "Registered") checkRegisteredHasNoCriteria(c, row);
    else criteria[tier] = parseCriteria(c, tier, row);
    commitments[tier] = parseCommitments(c, tier, row);
  }
  if (first) {
    for (const tier of RANKED_TIERS) {
      if (rowOf.has(tier)) continue;
      report(
        c,
        "warning",
        "tier-rules.missing-tier",
        first.tier.cell,
        `the table has no ${tier} row`,
        `${tier}'s default criteria apply`
      );
    }
  }
  checkAscending(c, criteria, rowOf);
  return { criteria, commitments };
}

function parseSettings(c: Collector, rows: readonly TierSettingRow[]) {
  const values: {
    pipelineMode?: PipelineMode;
    exitWindow?: number;
    registeredExitWindow?: number;
    movementStreak?: number;
  } = {};
  const seen = new Set<SettingKey>();
  for (const row of rows) {
    if (isBlank(row.setting.value) && isBlank(row.value.value)) continue;
    const name = typeof row.setting.value === "string" ? row.setting.value.trim() : "";
    const key = SETTING_BY_NAME.get(normalise(name));
    if (key === undefined) {
      const known = Object.values(TIER_SETTINGS)
        .map((s) => s.name)
        .join(", ");
      report(
        c,
        "warning",
        "tier-rules.unknown-setting",
        row.setting.cell,
        `unknown setting ${JSON.stringify(name)}: the settings are ${known}`
      );
      continue;
    }
    const label = TIER_SETTINGS[key].name;
    if (seen.has(key)) {
      report(
        c,
        "error",
        "tier-rules.duplicate-setting",
        row.setting.cell,
        `${label} appears twice`,
        `the first row applies`
      );
      continue;
    }
    seen.add(key);
    if (key === "pipelineMode") {
      const mode =
        typeof row.value.value === "string"
          ? MODE_BY_NAME.get(normalise(row.value.value))
          : undefined;
      if (mode) values.pipelineMode = mode;
      else {
        const modes = Object.values(PIPELINE_MODE_NAMES).join(" or ");
        const fallback = PIPELINE_MODE_NAMES[DEFAULT_TIER_RULES.pipelineMode];
        report(
          c,
          "error",
          "tier-rules.bad-value",
          row.value.cell,
          `${label} must be ${modes}`,
          `${fallback} applies`
        );
      }
      continue;
    }
    const n = readQuarters(row.value.value);
    if (n.ok) values[key] = n.value;
    else
      report(
        c,
        "error",
        "tier-rules.bad-value",
        row.value.cell,
        `${label}: ${n.error}`,
        `the default ${DEFAULT_TIER_RULES[key]} applies`
      );
  }
  return values;
}

/**
 * The tier framework from tblTiers and tblTierRules as read (either may be absent or empty: its defaults
 * apply). Never throws: a bad value is a finding, and its default applies. Findings come sorted.
 */
export function parseTierRules(
  tiers: readonly TierTableRow[] | undefined,
  settings: readonly TierSettingRow[] | undefined,
  options: { readonly sheet: string; readonly fallsBack?: boolean }
): { readonly rules: TierRules; readonly findings: Finding[] } {
  const c: Collector = {
    collector: new FindingsCollector(options.sheet),
    fallsBack: options.fallsBack ?? true,
  };
  const table = parseTierTable(c, tiers ?? []);
  const values = parseSettings(c, settings ?? []);
  return {
    rules: { ...DEFAULT_TIER_RULES, ...table, ...values },
    findings: sortFindings(c.collector.findings),
  };
}

/** 0 → "A", 26 → "AA": a cell of the tiersRange argument, counted from its first cell. */
const rangeColumn = (index: number): string =>
  (index >= 26 ? rangeColumn(Math.floor(index / 26) - 1) : "") +
  String.fromCharCode(65 + (index % 26));

/**
 * The rules of the tier functions' optional range arguments: the criteria of tiersRange, tblTiers with or
 * without its header row (without it, the columns are Tier, Pipeline Target, Certified Individuals,
 * Dedicated Practice), and the movement settings of `movement`, tblTierRules with or without its header row
 * (columns Setting, Value). Either left out keeps the playbook's.
 */
export function tierRulesFromRange(
  values: readonly (readonly unknown[])[] | undefined,
  movement?: readonly (readonly unknown[])[]
): Result<TierRules, TierInputError> {
  const tiers = values === undefined ? ok(undefined) : tierRowsOfRange(values);
  if (!tiers.ok) return tiers;
  // The criteria alone first, so that a bad value is blamed on the argument that holds it.
  const parts = [
    ["tiersRange", undefined],
    ["movementRange", movement && settingRowsOfRange(movement)],
  ] as const;
  let rules = DEFAULT_TIER_RULES;
  for (const [argument, settings] of parts) {
    const parsed = parseTierRules(tiers.value, settings, { sheet: argument, fallsBack: false });
    const error = parsed.findings.find((f) => f.severity === "error");
    if (error) {
      const message = `${error.message} (cell ${error.cell} of the range)`;
      return err({ kind: "badRulesRange", argument, message });
    }
    rules = parsed.rules;
  }
  return ok(rules);
}

/** tblTierRules as a range: Setting and Value, under a header row or not. */
function settingRowsOfRange(values: readonly (readonly unknown[])[]): TierSettingRow[] {
  const first = values[0]?.[0];
  const hasHeader = typeof first === "string" && normalise(first) === "setting";
  return values.flatMap((line, r) =>
    hasHeader && r === 0
      ? []
      : [
          {
            setting: { value: line[0], cell: `A${r + 1}` },
            value: { value: line[1], cell: `B${r + 1}` },
          },
        ]
  );
}

/** tblTiers as a range, its rows as the table's. */
function tierRowsOfRange(
  values: readonly (readonly unknown[])[]
): Result<TierTableRow[], TierInputError> {
  const header = values[0] ?? [];
  const hasHeader = header.some((v) => typeof v === "string" && normalise(v) === "tier");
  const fields = Object.keys(TIER_COLUMNS) as (keyof typeof TIER_COLUMNS)[];
  const columnOf = new Map<keyof TierTableRow, number>();
  if (hasHeader) {
    header.forEach((v, index) => {
      const field = fields.find(
        (f) => typeof v === "string" && normalise(v) === normalise(TIER_COLUMNS[f])
      );
      if (field && field !== "benefits" && field !== "commitments" && !columnOf.has(field))
        columnOf.set(field, index);
    });
  } else {
    (["tier", "pipelineTarget", "certified", "dedicatedPractice"] as const).forEach((f, i) =>
      columnOf.set(f, i)
    );
  }
  const tierColumn = columnOf.get("tier");
  if (tierColumn === undefined)
    return err({
      kind: "badRulesRange",
      argument: "tiersRange",
      message: "its header row has no Tier column",
    });
  const rows: TierTableRow[] = [];
  values.forEach((line, r) => {
    if (hasHeader && r === 0) return;
    const at = (column: number | undefined): RawCell | undefined =>
      column === undefined
        ? undefined
        : { value: line[column], cell: `${rangeColumn(column)}${r + 1}` };
    rows.push({
      tier: { value: line[tierColumn], cell: `${rangeColumn(tierColumn)}${r + 1}` },
      pipelineTarget: at(columnOf.get("pipelineTarget")),
      certified: at(columnOf.get("certified")),
      dedicatedPractice: at(columnOf.get("dedicatedPractice")),
      reviewEveryQuarters: at(columnOf.get("reviewEveryQuarters")),
      jointActivitiesPerYear: at(columnOf.get("jointActivitiesPerYear")),
    });
  });
  return ok(rows);
}

/** tblTiers's rows for the rules, highest tier first as the playbook lists them; blank is null. */
export function tierTableValues(rules: TierRules): {
  readonly [K in keyof typeof TIER_COLUMNS]: string | number | boolean | null;
}[] {
  return TIERS_HIGHEST_FIRST.map((tier) => {
    const criteria = tier === "Registered" ? undefined : rules.criteria[tier];
    const commitments = rules.commitments[tier];
    return {
      tier,
      pipelineTarget: criteria?.pipeline ?? null,
      certified: criteria?.certified ?? null,
      dedicatedPractice: criteria?.dedicatedPractice ?? null,
      reviewEveryQuarters: commitments.reviewEveryQuarters ?? null,
      jointActivitiesPerYear: commitments.jointActivitiesPerYear ?? null,
      benefits: playbookBenefits(tier),
      commitments: TIER_PLAYBOOK[tier].commitments.join("; "),
    };
  });
}

/** tblTierRules's rows for the rules. */
export function tierSettingValues(
  rules: TierRules
): { setting: string; value: string | number; note: string }[] {
  return (Object.keys(TIER_SETTINGS) as SettingKey[]).map((key) => ({
    setting: TIER_SETTINGS[key].name,
    value: key === "pipelineMode" ? PIPELINE_MODE_NAMES[rules.pipelineMode] : rules[key],
    note: TIER_SETTINGS[key].note,
  }));
}
