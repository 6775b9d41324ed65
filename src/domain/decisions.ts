import {
  addMonths,
  ArgumentError,
  choiceLookup,
  compareDays,
  describeDateProblem,
  formatDate,
  isBlank,
  isEmptyRow,
  isUncomputed,
  readChoice,
  readDate,
  readNumber,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { err, ok, Result } from "./result";
import { describeValueProblem, readFlag } from "./tiers/values";

/**
 * The build-vs-partner-vs-acquire matrix of playbook §4, in the order PS.BUILDPARTNER takes its arguments.
 * `key` is the argument's name, `label` the Decisions sheet's column header.
 */
export const DECISION_INPUTS = [
  {
    key: "core",
    label: "Core to Differentiation",
    question: "Is it core to our product differentiation?",
  },
  {
    key: "capacity",
    label: "Engineering Capacity",
    question: "Do we have the engineering capacity to build it?",
  },
  {
    key: "adjacent",
    label: "Adjacent, Not Core",
    question: "Is it adjacent to our product, complementary, but not core?",
  },
  {
    key: "strongPartner",
    label: "Strong Partner Serves ICP",
    question: "Does a strong partner exist who serves our ICP?",
  },
  {
    key: "positiveEconomics",
    label: "Partner Economics Positive",
    question: "Are the partner economics positive?",
  },
  {
    key: "critical",
    label: "Critical to Market Position",
    question: "Is it critical to our market position?",
  },
  {
    key: "buildMonths",
    label: "Build Time (Months)",
    question: "How many months would building it take?",
  },
  {
    key: "acquisitionTarget",
    label: "Acquisition Target Within Budget",
    question: "Does an acquisition target exist within budget?",
  },
  {
    key: "newMarket",
    label: "New Geography or Vertical",
    question: "Is it a market entry vehicle in a new geography or vertical?",
  },
  {
    key: "localPresence",
    label: "Partner Has Local Presence",
    question: "Does a partner have existing relationships and local presence there?",
  },
] as const;

export type DecisionInputKey = (typeof DECISION_INPUTS)[number]["key"];

/** The matrix's inputs, read. An unknown build time (blank) is not "more than 18 months". */
export type DecisionInputs = Readonly<
  Record<Exclude<DecisionInputKey, "buildMonths">, boolean> & { buildMonths: number | undefined }
>;

/** Every answer No and the build time unknown: what a blank row of the decision log means. */
export const NO_DECISION_INPUTS: DecisionInputs = {
  core: false,
  capacity: false,
  adjacent: false,
  strongPartner: false,
  positiveEconomics: false,
  critical: false,
  buildMonths: undefined,
  acquisitionTarget: false,
  newMarket: false,
  localPresence: false,
};

export const DECISIONS = ["BUILD", "PARTNER", "ACQUIRE", "REVIEW"] as const;
export type Decision = (typeof DECISIONS)[number];

/** "Building would take > 18 months": 18 itself does not justify an acquisition. */
export const ACQUIRE_BUILD_MONTHS = 18;

export interface DecisionRule {
  /** 1–4: the rule's place in the playbook's order. */
  readonly number: number;
  readonly decision: Exclude<Decision, "REVIEW">;
  /** The playbook's condition, for the Decisions sheet's notes. */
  readonly condition: string;
  /** The fourth rule's "with JV consideration if revenue scale justifies it". */
  readonly note?: string;
  readonly applies: (inputs: DecisionInputs) => boolean;
  /** Why, as the first sentence of a rationale. */
  readonly because: (inputs: DecisionInputs) => string;
}

/** The playbook's rules in its order: the first that applies decides. */
export const DECISION_RULES: readonly DecisionRule[] = [
  {
    number: 1,
    decision: "BUILD",
    condition: "Core to our product differentiation AND we have engineering capacity",
    applies: (i) => i.core && i.capacity,
    because: () =>
      "It is core to our product differentiation and we have the engineering capacity to build it.",
  },
  {
    number: 2,
    decision: "PARTNER",
    condition:
      "Adjacent to our product, complementary, but not core AND a strong partner exists who serves our ICP AND partner economics are positive",
    applies: (i) => i.adjacent && !i.core && i.strongPartner && i.positiveEconomics,
    because: () =>
      "It is adjacent to our product and complementary but not core, a strong partner serves our ICP, and the partner economics are positive.",
  },
  {
    number: 3,
    decision: "ACQUIRE",
    condition: `Critical to market position AND building would take > ${ACQUIRE_BUILD_MONTHS} months AND an acquisition target exists within budget`,
    applies: (i) =>
      i.critical &&
      i.buildMonths !== undefined &&
      i.buildMonths > ACQUIRE_BUILD_MONTHS &&
      i.acquisitionTarget,
    because: (i) =>
      `It is critical to our market position, building would take ${i.buildMonths} months (more than ${ACQUIRE_BUILD_MONTHS}), and an acquisition target exists within budget.`,
  },
  {
    number: 4,
    decision: "PARTNER",
    condition:
      "Market entry vehicle in a new geography or vertical AND a partner has existing relationships and local presence",
    note: "JV consideration if revenue scale justifies it",
    applies: (i) => i.newMarket && i.localPresence,
    because: () =>
      "It is a market entry vehicle in a new geography or vertical, and a partner has existing relationships and local presence there; consider a joint venture if revenue scale justifies it.",
  },
];

export interface DecisionOutcome {
  readonly decision: Decision;
  /** The rule that decided; undefined for REVIEW. */
  readonly rule: DecisionRule | undefined;
  /** The rationale log's first sentence. */
  readonly rationale: string;
}

const REVIEW_RATIONALE =
  "No rule of the build-vs-partner-vs-acquire matrix applies: review the inputs with Finance before deciding.";

/** The first rule that applies, in the playbook's order; REVIEW when none does. */
export function decide(inputs: DecisionInputs): DecisionOutcome {
  const rule = DECISION_RULES.find((r) => r.applies(inputs));
  return rule
    ? { decision: rule.decision, rule, rationale: rule.because(inputs) }
    : { decision: "REVIEW", rule: undefined, rationale: REVIEW_RATIONALE };
}

export type DecisionInputError = ArgumentError<DecisionInputKey | "inputs">;

/** Larger build times are typing accidents (a century). */
export const MAX_BUILD_MONTHS = 1200;

/**
 * Reads the matrix's inputs from raw cells in DECISION_INPUTS order. Yes/No, TRUE/FALSE, Y/N (any case) and
 * 1/0 answer a question; a blank answer is No, as an unticked box. Build time is a number of months ≥ 0;
 * blank means unknown.
 */
export function parseDecisionInputs(
  raw: readonly unknown[]
): Result<DecisionInputs, DecisionInputError> {
  if (raw.length !== DECISION_INPUTS.length) {
    const names = DECISION_INPUTS.map((d) => d.label).join(", ");
    return err({
      argument: "inputs",
      kind: "invalid",
      message: `expected ${DECISION_INPUTS.length} inputs (${names}), got ${raw.length}`,
    });
  }
  const values: Record<string, boolean | number | undefined> = {};
  for (let index = 0; index < DECISION_INPUTS.length; index++) {
    const { key, label } = DECISION_INPUTS[index]!;
    const value = raw[index];
    if (key === "buildMonths") {
      const months = readBuildMonths(value, label);
      if (!months.ok) return err({ argument: key, kind: "invalid", message: months.error });
      values[key] = months.value;
      continue;
    }
    const flag = readFlag(value);
    if (!flag.ok) {
      return err({
        argument: key,
        kind: "invalid",
        message: describeValueProblem(flag.error, label),
      });
    }
    values[key] = flag.value;
  }
  return ok(values as unknown as DecisionInputs);
}

function readBuildMonths(raw: unknown, label: string): Result<number | undefined, string> {
  if (isBlank(raw)) return ok(undefined);
  const months = readNumber(raw);
  if (months === undefined) return err(`${label} ${showValue(raw)} is not a number of months`);
  if (months < 0) return err(`${label} ${months} is negative`);
  if (months > MAX_BUILD_MONTHS)
    return err(`${label} ${months} is more than ${MAX_BUILD_MONTHS} months`);
  return ok(months);
}

/** PS.BUILDPARTNER: the matrix applied to raw cells. */
export function buildPartner(raw: readonly unknown[]): Result<DecisionOutcome, DecisionInputError> {
  const inputs = parseDecisionInputs(raw);
  return inputs.ok ? ok(decide(inputs.value)) : inputs;
}

/** D-001, D-002, … D-999, D-1000: the rationale log's ids, from 1. */
export function decisionId(n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`decision number ${n} is not a whole number from 1`);
  return `D-${String(n).padStart(3, "0")}`;
}

/** Decisions are reviewed quarterly: three months after the decision (Excel's EDATE(decided, 3)). */
export const REVIEW_EVERY_MONTHS = 3;
export const nextReviewDate = (decided: Date): Date => addMonths(decided, REVIEW_EVERY_MONTHS);

/** Headers of tblDecisions besides the inputs, in the sheet's order around them. */
export const DECISION_LOG_COLUMNS = {
  id: "ID",
  capability: "Capability / Market",
  decision: "Decision",
  rationale: "Rationale",
  partnerConsidered: "Partner Considered",
  financeInput: "Finance Input",
  decided: "Decided",
  reviewDate: "Review Date",
} as const;

/** One row of tblDecisions as read, for the quality rules; an absent column is undefined. */
export interface DecisionLogRow {
  readonly id: RawCell;
  readonly capability: RawCell;
  readonly decision: RawCell;
  readonly partnerConsidered?: RawCell;
  readonly financeInput?: RawCell;
  readonly decided?: RawCell;
  /** Where the review date shows (a formula over Decided); the rule computes the date from Decided. */
  readonly reviewDate?: RawCell;
  /**
   * The matrix's inputs, in DECISION_INPUTS order: the decision they give stands for a Decision cell not yet
   * computed (a file this program wrote, never opened since), as the sheet's formula will compute it.
   */
  readonly inputs?: readonly RawCell[];
}

/** The row's decision: as its cell reads, or, not yet computed, as its inputs give it. */
function decisionOf(row: DecisionLogRow): Decision | undefined {
  if (!isUncomputed(row.decision.value)) return readChoice(row.decision.value, DECISION_LOOKUP);
  const outcome = row.inputs && buildPartner(row.inputs.map((c) => c.value));
  return outcome?.ok ? outcome.value.decision : undefined;
}

const DECISION_LOOKUP = choiceLookup(DECISIONS);

/**
 * The playbook's rules for the rationale log: every decision has Finance input ("emotional partnerships
 * that destroy margin are worse than no partnerships"), a PARTNER decision names the partner considered,
 * and decisions are reviewed quarterly: one whose review date (Decided + 3 months) is before `today` is
 * "quality.decision-review". A row with nothing in it is skipped.
 */
export function checkDecisionLog(
  rows: readonly DecisionLogRow[],
  today: Date,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  for (const row of rows) {
    const cells = [
      row.id,
      row.capability,
      row.decision,
      row.partnerConsidered,
      row.financeInput,
      row.decided,
    ];
    if (isEmptyRow(cells)) continue;
    const name =
      readText(row.id.value) ?? readText(row.capability.value) ?? `the decision in ${row.id.cell}`;
    const subject = readText(row.capability.value);
    const title = subject && subject !== name ? `${name} (${subject})` : name;
    const decision = decisionOf(row);
    if (
      !isBlank(row.decision.value) &&
      !isUncomputed(row.decision.value) &&
      decision === undefined
    ) {
      report(
        "error",
        "decision.bad-value",
        row.decision,
        `${title}: decision ${showValue(row.decision.value)} is not one of ${DECISIONS.join(", ")}`
      );
    }
    if (row.financeInput === undefined || isBlank(row.financeInput.value)) {
      report(
        "error",
        "quality.finance-input",
        row.financeInput ?? row.id,
        `${title} has no Finance input: every build-vs-partner decision needs one`
      );
    }
    if (
      decision === "PARTNER" &&
      (row.partnerConsidered === undefined || isBlank(row.partnerConsidered.value))
    ) {
      report(
        "warning",
        "decision.partner-considered",
        row.partnerConsidered ?? row.decision,
        `${title} is PARTNER but names no partner considered`
      );
    }
    if (row.decided === undefined || isBlank(row.decided.value)) continue;
    const decided = readDate(row.decided.value);
    if (!decided.ok) {
      const problem = describeDateProblem(decided.error, DECISION_LOG_COLUMNS.decided);
      report("error", "decision.bad-value", row.decided, `${title}: ${problem}`);
      continue;
    }
    const review = nextReviewDate(decided.value);
    if (compareDays(today, review) > 0) {
      report(
        "warning",
        "quality.decision-review",
        row.reviewDate ?? row.decided,
        `${title} was due for its quarterly review on ${formatDate(review)} (decided ${formatDate(decided.value)}): review it and record the new decision date`
      );
    }
  }
  return findings;
}
