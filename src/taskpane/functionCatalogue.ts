/** A constant argument of an example: a number, text, TRUE/FALSE, or a row of them (an array constant). */
export type ExampleArgument = number | string | boolean | readonly (number | string | boolean)[];

/** One PS.* custom function as the Functions section shows it. */
export interface FunctionEntry {
  /** The id after "PS.", as register.ts associates it. */
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  /** The example's arguments, constants only, so that it computes in any cell. */
  readonly example: readonly ExampleArgument[];
  /** What the example shows once Excel has computed it. */
  readonly shows: string;
}

/** Every custom function, in the order an analyst meets them: scoring, tiers, then the program's other rules. */
export const FUNCTIONS: readonly FunctionEntry[] = [
  {
    name: "PARTNERSCORE",
    signature: "PS.PARTNERSCORE(icp, influence, practice, appetite, revenue, [weights])",
    description:
      "Weighted attractiveness score (0–100) from the five ratings, 30/25/20/15/10 by default.",
    example: [80, 70, 60, 50, 40],
    shows: "65",
  },
  {
    name: "PARTNERBAND",
    signature: "PS.PARTNERBAND(score)",
    description: "Priority (75 and above), Secondary (50 to under 75) or Opportunistic.",
    example: [65],
    shows: "Secondary",
  },
  {
    name: "TIERQUALIFY",
    signature: "PS.TIERQUALIFY(pipeline, certified, practice, [tiersRange])",
    description:
      "The highest tier whose criteria the annual pipeline, certifications and practice meet.",
    example: [600000, 3, false],
    shows: "Gold",
  },
  {
    name: "TIERGAP",
    signature: "PS.TIERGAP(pipeline, certified, practice, [targetTier], [tiersRange])",
    description: "What is missing for the next tier, or for the one named.",
    example: [350000, 2, false],
    shows: "Gold: +$150,000 pipeline, +1 certified",
  },
  {
    name: "TIERSTATUS",
    signature:
      "PS.TIERSTATUS(currentTier, pipelineHistory, certifiedHistory, practiceHistory, [tiersRange], [movementRange])",
    description:
      "Hold, Warning, Promote to X, Demote to X or Exit from the quarterly history, oldest first.",
    example: ["Gold", [150000, 150000, 120000, 100000], [3, 3, 2, 2], [false, false, false, false]],
    shows: "Demote to Silver",
  },
  {
    name: "BUILDPARTNER",
    signature:
      "PS.BUILDPARTNER(core, capacity, adjacent, strongPartner, positiveEconomics, critical, buildMonths, acquisitionTarget, newMarket, localPresence)",
    description: "BUILD, PARTNER, ACQUIRE or REVIEW by the playbook's decision matrix.",
    example: [false, false, true, true, true, false, 6, false, false, false],
    shows: "PARTNER",
  },
  {
    name: "PARTNERFEE",
    signature: "PS.PARTNERFEE(model, acv, [rate])",
    description:
      "A deal's partner economics in dollars: referral fee, reseller margin or OEM royalty.",
    example: ["Referral", 100000],
    shows: "10000",
  },
  {
    name: "RACICHECK",
    signature: "PS.RACICHECK(rowRange)",
    description:
      "OK, or what is wrong with a RACI row (no Accountable, several, no Responsible, a bad letter).",
    example: [["A", "R", "C", "I", "I", ""]],
    shows: "OK",
  },
  {
    name: "MDFROI",
    signature: "PS.MDFROI(sourcedRevenue, mdfPaid)",
    description: "Partner-sourced revenue per MDF dollar paid in the same period.",
    example: [1200000, 300000],
    shows: "4",
  },
  {
    name: "SLAHOURS",
    signature: "PS.SLAHOURS(submitted, decided, [businessDays])",
    description:
      "Hours a deal registration waited for its decision, or business days (weekends off) when asked.",
    example: ["2026-03-06 09:00", "2026-03-08 09:00"],
    shows: "48",
  },
  {
    name: "SLACOMPLIANCE",
    signature: "PS.SLACOMPLIANCE(submittedRange, decidedRange, [slaHours], [asOf])",
    description:
      "The share of deal registrations decided within the SLA (48 hours by default), pending ones past it counted as breaches.",
    example: [
      ["2026-03-01 09:00", "2026-03-05 09:00"],
      ["2026-03-02 09:00", "2026-03-08 09:00"],
    ],
    shows: "0.5",
  },
];

const constant = (value: number | string | boolean): string =>
  typeof value === "string"
    ? `"${value.replace(/"/g, '""')}"`
    : typeof value === "boolean"
      ? value
        ? "TRUE"
        : "FALSE"
      : String(value);

/** The example as a formula to type in a cell: rows of values as array constants, {1,2,3}. */
export function exampleFormula(entry: FunctionEntry): string {
  const args = entry.example.map((a) =>
    Array.isArray(a) ? `{${a.map(constant).join(",")}}` : constant(a as number | string | boolean)
  );
  return `=PS.${entry.name}(${args.join(",")})`;
}
