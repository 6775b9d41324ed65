import { economicsText, MODEL_PROFILES, PARTNERSHIP_MODELS } from "../domain/models";
import { PERCENT_FORMAT } from "./styles";
import { ColumnPlan, SheetPlan } from "./plan";

export const MODELS_SHEET = "Models";
export const TBL_MODELS = "tblModels";

export const MODEL_COLUMNS = {
  model: "Model",
  definition: "Definition",
  bestFor: "Best For",
  revenueMechanism: "Revenue Mechanism",
  economics: "Default Economics",
  paidTo: "Fee Paid To",
  defaultRate: "Default Rate",
  minRate: "Min Rate",
  maxRate: "Max Rate",
} as const;

const HEADER_ROW = 2;

const rateColumn = (header: string, description: string): ColumnPlan => ({
  header,
  width: 11,
  numberFormat: PERCENT_FORMAT,
  description,
});

/** The seven partnership models of §1.2 and the economics PS.PARTNERFEE applies. */
export function modelsSheetPlan(): SheetPlan {
  return {
    name: MODELS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partnership Models", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Pick the model per use case (§1.2). Rates are shares of the deal's ACV: PS.PARTNERFEE(model, acv, [rate]) computes a deal's fee.",
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_MODELS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: MODEL_COLUMNS.model, width: 20 },
          { header: MODEL_COLUMNS.definition, width: 36, wrap: true },
          { header: MODEL_COLUMNS.bestFor, width: 30, wrap: true },
          { header: MODEL_COLUMNS.revenueMechanism, width: 32, wrap: true },
          { header: MODEL_COLUMNS.economics, width: 40, wrap: true },
          {
            header: MODEL_COLUMNS.paidTo,
            width: 12,
            description:
              "Who receives the fee: we pay referral fees and reseller margins; an OEM partner pays us a royalty.",
          },
          rateColumn(
            MODEL_COLUMNS.defaultRate,
            "The rate PS.PARTNERFEE applies when none is given."
          ),
          rateColumn(MODEL_COLUMNS.minRate, "The lowest rate the model allows."),
          rateColumn(MODEL_COLUMNS.maxRate, "The highest rate the model allows."),
        ],
        rows: PARTNERSHIP_MODELS.map((model) => {
          const profile = MODEL_PROFILES[model];
          const e = profile.economics;
          const cash =
            e.kind === "cash"
              ? [e.paidTo === "partner" ? "Partner" : "Us", e.defaultRate, e.min, e.max]
              : [null, null, null, null];
          return [
            model,
            profile.definition,
            profile.bestFor,
            profile.revenueMechanism,
            economicsText(profile),
            ...cash,
          ];
        }),
      },
    ],
  };
}
