import {
  formatList,
  isBlank,
  normaliseName,
  readFraction,
  readList,
  readNumber,
  readText,
} from "./cells";
import { showValue } from "./findings";
import { MODEL_NAMES_TEXT, PartnershipModel, readModel } from "./models";
import { formatMoney, readMoney } from "./money";
import { PARTNER_TYPES, PartnerType } from "./partners";
import { MAX_YEAR, MIN_YEAR } from "./quarters";
import { err, ok, Result } from "./result";

/** What the program is built from: the playbook's inputs, and the pieces of the thesis statement (§1.3). */
export interface ProgramSettings {
  readonly company: string;
  readonly productCategory: string;
  readonly currentArr: number;
  readonly targetArr: number;
  /** Share of total ARR the partner channel should contribute, 0–1. */
  readonly partnerShare: number;
  /** Within how many years. */
  readonly years: number;
  readonly partnerTypes: readonly PartnerType[];
  readonly icp: string;
  readonly markets: readonly string[];
  readonly priorityModels: readonly PartnershipModel[];
  /** "because [rationale]". */
  readonly modelRationale: string;
  /** "by [specific mechanism]". */
  readonly mechanism: string;
  /** "[Big 4 / consulting firms] provide access to [ICP] accounts…". */
  readonly accessPartners: string;
  /** "…while [product firms] extend our platform reach…". */
  readonly platformPartners: string;
  readonly adjacentUseCases: string;
  readonly northStar: string;
  /** The calendar year the OKRs and the roadmap are for. */
  readonly programYear: number;
}

export type SettingKey = keyof ProgramSettings;

type SettingKind =
  "text" | "money" | "share" | "years" | "year" | "partnerTypes" | "list" | "models";

/** Every setting, in the Settings table's order, with its label (the table's Setting column) and note. */
export const SETTING_FIELDS: readonly {
  readonly key: SettingKey;
  readonly label: string;
  readonly kind: SettingKind;
  readonly note: string;
}[] = [
  { key: "company", label: "Company", kind: "text", note: "The company the program is for." },
  {
    key: "productCategory",
    label: "Product Category",
    kind: "text",
    note: "What the company sells.",
  },
  {
    key: "currentArr",
    label: "Current ARR",
    kind: "money",
    note: "Annual recurring revenue today.",
  },
  {
    key: "targetArr",
    label: "Target ARR",
    kind: "money",
    note: "Annual recurring revenue the company aims for at the end of the horizon.",
  },
  {
    key: "partnerShare",
    label: "Partner Share of ARR",
    kind: "share",
    note: "Share of total ARR the partner channel should contribute (0%–100%).",
  },
  { key: "years", label: "Years", kind: "years", note: "Within how many years." },
  {
    key: "partnerTypes",
    label: "Partner Types",
    kind: "partnerTypes",
    note: `Comma-separated, from: ${PARTNER_TYPES.join(", ")}.`,
  },
  { key: "icp", label: "ICP", kind: "text", note: "The ideal customer profile partners serve." },
  {
    key: "markets",
    label: "Markets",
    kind: "list",
    note: "The 2–3 markets where partnership-led growth should accelerate, comma-separated.",
  },
  {
    key: "priorityModels",
    label: "Priority Models",
    kind: "models",
    note: `Comma-separated, from: ${MODEL_NAMES_TEXT}.`,
  },
  {
    key: "modelRationale",
    label: "Model Rationale",
    kind: "text",
    note: "Why these models: completes “We will prioritize … models because …”.",
  },
  {
    key: "mechanism",
    label: "Growth Mechanism",
    kind: "text",
    note: "Completes “Partner-led growth accelerates our market penetration by …”.",
  },
  {
    key: "accessPartners",
    label: "Access Partners",
    kind: "text",
    note: "Who opens ICP accounts we cannot reach directly (the playbook: Big 4 / consulting firms).",
  },
  {
    key: "platformPartners",
    label: "Platform Partners",
    kind: "text",
    note: "Who extends our platform's reach (the playbook: product firms).",
  },
  {
    key: "adjacentUseCases",
    label: "Adjacent Use Cases",
    kind: "text",
    note: "Where platform partners extend our reach.",
  },
  {
    key: "northStar",
    label: "North-Star Metric",
    kind: "text",
    note: "What the program is measured by, e.g. partner-sourced ARR.",
  },
  {
    key: "programYear",
    label: "Program Year",
    kind: "year",
    note: "The year of the OKRs and the roadmap.",
  },
];

/** A fictional company, so that a new workbook shows a complete, coherent program. */
export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  company: "Veridian Cloud",
  productCategory: "risk and compliance analytics platform",
  currentArr: 20_000_000,
  targetArr: 60_000_000,
  partnerShare: 0.3,
  years: 3,
  partnerTypes: ["Big 4", "GSI", "Boutique", "ISV/Product"],
  icp: "mid-market and enterprise financial services firms",
  markets: ["North America", "UK & Ireland", "DACH"],
  priorityModels: ["Co-Sell", "Implementation"],
  modelRationale:
    "our buyers start risk programmes with a trusted advisor, and every deployment needs implementation services we do not provide",
  mechanism: "borrowing our partners' seats at regulated buyers' risk committees",
  accessPartners: "Big 4 and consulting firms",
  platformPartners: "product firms",
  adjacentUseCases: "treasury, audit and ESG reporting",
  northStar: "partner-sourced ARR",
  programYear: 2027,
};

/** What is wrong with one setting. `field` is undefined for a setting that does not exist. */
export interface SettingsError {
  readonly field: SettingKey | undefined;
  /** The setting's name as given (a JSON key or the Setting column's text). */
  readonly key: string;
  readonly message: string;
}

const FIELD_BY_NAME: ReadonlyMap<string, (typeof SETTING_FIELDS)[number]> = new Map(
  SETTING_FIELDS.flatMap((f) => [
    [normaliseName(f.key), f],
    [normaliseName(f.label), f],
  ])
);

/** The setting a name means, by its key or its label, ignoring case, spaces and punctuation. */
export const settingField = (name: unknown): (typeof SETTING_FIELDS)[number] | undefined =>
  FIELD_BY_NAME.get(normaliseName(readText(name) ?? ""));

const PARTNER_TYPE_LOOKUP: ReadonlyMap<string, PartnerType> = new Map(
  PARTNER_TYPES.map((t) => [normaliseName(t), t])
);

type Value = ProgramSettings[SettingKey];

/** One setting's value, or what is wrong with it (a sentence starting with the setting's label). */
function readSetting(kind: SettingKind, label: string, raw: unknown): Result<Value, string> {
  switch (kind) {
    case "text": {
      const text = readText(raw);
      return text === undefined ? err(`${label} is blank`) : ok(text);
    }
    case "money": {
      if (isBlank(raw)) return err(`${label} is blank`);
      const amount = readMoney(raw);
      if (!amount.ok) return err(`${label} ${showValue(raw)} is not an amount of money`);
      if (amount.value < 0) return err(`${label} ${formatMoney(amount.value)} is negative`);
      return ok(amount.value);
    }
    case "share": {
      if (isBlank(raw)) return err(`${label} is blank`);
      const share = readFraction(raw);
      if (share === undefined) return err(`${label} ${showValue(raw)} is not a percentage`);
      if (share < 0 || share > 1) {
        return err(`${label} ${showValue(raw)} is outside 0%–100% (type 30% or 0.3, not 30)`);
      }
      return ok(share);
    }
    case "years":
    case "year": {
      const n = readNumber(raw);
      const [min, max] = kind === "years" ? [1, Number.MAX_SAFE_INTEGER] : [MIN_YEAR, MAX_YEAR];
      if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
        const what =
          kind === "years"
            ? "a whole number of years from 1"
            : `a year from ${MIN_YEAR} to ${MAX_YEAR}`;
        return err(
          isBlank(raw) ? `${label} is blank` : `${label} ${showValue(raw)} is not ${what}`
        );
      }
      return ok(n);
    }
    case "list": {
      const items = readList(raw);
      return items.length === 0 ? err(`${label} is blank`) : ok(items);
    }
    case "partnerTypes":
    case "models": {
      const items = readList(raw);
      if (items.length === 0) return err(`${label} is blank`);
      const read = (item: string) =>
        kind === "models" ? readModel(item) : PARTNER_TYPE_LOOKUP.get(normaliseName(item));
      const unknown = items.filter((item) => read(item) === undefined);
      if (unknown.length > 0) {
        const choices = kind === "models" ? MODEL_NAMES_TEXT : PARTNER_TYPES.join(", ");
        const what = kind === "models" ? "partnership model" : "partner type";
        return err(
          `${label}: ${unknown.map((u) => `"${u}"`).join(", ")} ${unknown.length === 1 ? "is not a" : "are not"} ${what}${unknown.length === 1 ? "" : "s"}; use ${choices}`
        );
      }
      // Reading "co-sell, Co-Sell" as one model: a list of choices names each once.
      return ok([...new Set(items.map((item) => read(item)!))] as Value);
    }
  }
}

/**
 * Program settings from key/value pairs (the Settings table's rows) or an object (a JSON file). Keys are the
 * field names or their labels, in any case. A setting left out keeps its default; every problem is
 * reported, each naming its setting: an unknown or repeated key, a blank or malformed value, a share
 * outside 0–1, years that are not a positive whole number, negative ARR, a target ARR below the current one.
 */
export function parseSettings(
  raw: readonly (readonly [unknown, unknown])[] | Readonly<Record<string, unknown>>,
  defaults: ProgramSettings = DEFAULT_PROGRAM_SETTINGS
): Result<ProgramSettings, SettingsError[]> {
  const pairs: (readonly [unknown, unknown])[] = Array.isArray(raw)
    ? [...(raw as readonly (readonly [unknown, unknown])[])]
    : Object.entries(raw);
  const errors: SettingsError[] = [];
  const values: Partial<Record<SettingKey, Value>> = {};
  const seen = new Set<SettingKey>();
  for (const [rawKey, rawValue] of pairs) {
    if (isBlank(rawKey) && isBlank(rawValue)) continue;
    const key = readText(rawKey) ?? "";
    const field = settingField(key);
    if (field === undefined) {
      const known = SETTING_FIELDS.map((f) => f.label).join(", ");
      errors.push({
        field: undefined,
        key,
        message: `unknown setting ${showValue(rawKey)}: the settings are ${known}`,
      });
      continue;
    }
    if (seen.has(field.key)) {
      errors.push({ field: field.key, key, message: `${field.label} appears twice` });
      continue;
    }
    seen.add(field.key);
    const value = readSetting(field.kind, field.label, rawValue);
    if (value.ok) values[field.key] = value.value;
    else errors.push({ field: field.key, key, message: value.error });
  }
  const settings = { ...defaults, ...values } as ProgramSettings;
  const arrFailed = errors.some((e) => e.field === "currentArr" || e.field === "targetArr");
  if (!arrFailed && settings.targetArr < settings.currentArr) {
    errors.push({
      field: "targetArr",
      key: "Target ARR",
      message: `Target ARR ${formatMoney(settings.targetArr)} is below Current ARR ${formatMoney(settings.currentArr)}`,
    });
  }
  return errors.length > 0 ? err(errors) : ok(settings);
}

/** The Settings table's rows for `settings`: lists as one comma-separated cell, shares as fractions. */
export function settingsRows(settings: ProgramSettings): {
  readonly key: SettingKey;
  readonly label: string;
  readonly value: string | number;
  readonly note: string;
}[] {
  return SETTING_FIELDS.map(({ key, label, note }) => {
    const value = settings[key];
    return {
      key,
      label,
      value: Array.isArray(value) ? formatList(value) : (value as string | number),
      note,
    };
  });
}

/** Partner pipeline a year's partner-sourced ARR needs: a 3× coverage, our rule of thumb (not the playbook's). */
export const PIPELINE_COVERAGE = 3;

/** Two significant digits: $3,333,333 → $3,300,000, as targets are written. */
const roundTarget = (amount: number): number => {
  if (amount <= 0) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(amount)) - 1);
  return Math.round(amount / unit) * unit;
};

/**
 * The program year's targets, derived from the settings for the OKRs and the roadmap, on a straight line
 * to the thesis: ARR grows evenly from current to target over the years, and so does the partner share.
 * Ours, not the playbook's, which leaves them as [X].
 */
export interface YearOneTargets {
  /** Partner-sourced share of total ARR by the end of the program year (whole percent). */
  readonly partnerShare: number;
  readonly partnerSourcedArr: number;
  /** Partner-sourced pipeline by the end of the year. */
  readonly pipeline: number;
  /** The roadmap's Q3 "first meaningful contribution": half the year's pipeline. */
  readonly firstPipeline: number;
}

export function yearOneTargets(settings: ProgramSettings): YearOneTargets {
  const share = Math.round((settings.partnerShare / settings.years) * 100) / 100;
  const arr = settings.currentArr + (settings.targetArr - settings.currentArr) / settings.years;
  const sourced = share * arr;
  return {
    partnerShare: share,
    partnerSourcedArr: roundTarget(sourced),
    pipeline: roundTarget(sourced * PIPELINE_COVERAGE),
    firstPipeline: roundTarget((sourced * PIPELINE_COVERAGE) / 2),
  };
}
