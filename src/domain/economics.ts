import { ArgumentError, formatPercent, isBlank, readFraction } from "./cells";
import { showValue } from "./findings";
import { MODEL_NAMES_TEXT, MODEL_PROFILES, PartnershipModel, readModel } from "./models";
import { roundCents } from "./money";
import { err, ok, Result } from "./result";
import { describeValueProblem, readAmount } from "./tiers/values";

/** The arguments of PS.PARTNERFEE(model, acv, [rate]). */
export type FeeArgument = "model" | "acv" | "rate";
export type PartnerFeeError = ArgumentError<FeeArgument>;

/** The cash a deal moves under a model with fee economics. */
export interface PartnerFee {
  readonly model: PartnershipModel;
  readonly fee: "Referral fee" | "Reseller margin" | "Royalty";
  readonly paidTo: "partner" | "us";
  readonly acv: number;
  /** The rate applied, a fraction: the model's default when none was given. */
  readonly rate: number;
  /** acv × rate, to the cent. */
  readonly amount: number;
}

const invalid = (argument: FeeArgument, message: string): PartnerFeeError => ({
  argument,
  kind: "invalid",
  message,
});

/**
 * The referral fee, reseller margin or OEM royalty of a deal of `acv` (annual contract value: list price for
 * a reseller, the partner's own deal for an OEM). `rate` is a fraction, as Excel passes a cell formatted as a
 * percentage (10% arrives as 0.1); text may say "10%". A blank or omitted rate is the model's default; a rate
 * outside the model's range is an error naming the range. Models without a fee are an error that says what
 * the model earns instead.
 */
export function partnerFee(
  model: unknown,
  acv: unknown,
  rate?: unknown
): Result<PartnerFee, PartnerFeeError> {
  if (isBlank(model)) {
    return err({
      argument: "model",
      kind: "blank",
      message: `model is blank; use one of ${MODEL_NAMES_TEXT}`,
    });
  }
  const name = readModel(model);
  if (name === undefined) {
    return err(
      invalid(
        "model",
        `model ${showValue(model)} is not a partnership model; use one of ${MODEL_NAMES_TEXT}`
      )
    );
  }
  const economics = MODEL_PROFILES[name].economics;
  if (economics.kind === "none") return err(invalid("model", economics.reason));

  if (isBlank(acv)) return err({ argument: "acv", kind: "blank", message: "acv is blank" });
  const amount = readAmount(acv);
  if (!amount.ok) return err(invalid("acv", describeValueProblem(amount.error, "acv", true)));

  let applied = economics.defaultRate;
  if (!isBlank(rate)) {
    const given = readFraction(rate);
    if (given === undefined) {
      return err(
        invalid("rate", `rate ${showValue(rate)} is not a percentage (type it as 10% or 0.1)`)
      );
    }
    // A hair of tolerance: 15% computed in a cell may land a rounding error past the bound.
    const eps = 1e-12;
    if (given < economics.min - eps || given > economics.max + eps) {
      const range = `${formatPercent(economics.min)}–${formatPercent(economics.max)}`;
      const hint = given > 1 ? ` (type 10% or 0.1 for ten percent, not 10)` : "";
      return err(
        invalid(
          "rate",
          `rate ${formatPercent(given)} is outside the ${name} range ${range} ${economics.basis}${hint}`
        )
      );
    }
    applied = given;
  }
  return ok({
    model: name,
    fee: economics.fee,
    paidTo: economics.paidTo,
    acv: amount.value,
    rate: applied,
    amount: roundCents(amount.value * applied),
  });
}
