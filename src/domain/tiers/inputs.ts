import { roundCents } from "../money";
import { err, ok, Result } from "../result";
import { Tier } from "./tier";
import {
  describeValueProblem,
  readAmount,
  readCount,
  readFlag,
  readTierName,
  ValueProblem,
} from "./values";

/** The arguments of PS.TIERQUALIFY, PS.TIERSTATUS and PS.TIERGAP, by the names their users see. */
export type TierArgument =
  | "pipeline"
  | "certified"
  | "practice"
  | "currentTier"
  | "targetTier"
  | "pipelineHistory"
  | "certifiedHistory"
  | "practiceHistory"
  | "tiersRange";

/** Why a tier function cannot answer: the argument (and for a history, which value) and what is wrong. */
export type TierInputError =
  | {
      readonly kind: "badValue";
      readonly argument: TierArgument;
      /** Position in a history or range, from 0. */
      readonly index?: number;
      readonly problem: ValueProblem;
    }
  | {
      readonly kind: "unequalHistories";
      readonly pipeline: number;
      readonly certified: number;
      readonly practice: number;
    }
  | { readonly kind: "emptyHistory" }
  | {
      readonly kind: "badRulesRange";
      readonly argument: "tiersRange" | "movementRange";
      readonly message: string;
    };

const MONEY_ARGUMENTS: ReadonlySet<TierArgument> = new Set(["pipeline", "pipelineHistory"]);

/** A sentence a user can act on: 'pipelineHistory value 3: "abc" is not a number'. */
export function describeTierInputError(e: TierInputError): string {
  switch (e.kind) {
    case "badValue": {
      const label = e.index === undefined ? e.argument : `${e.argument} value ${e.index + 1}:`;
      return describeValueProblem(e.problem, label, MONEY_ARGUMENTS.has(e.argument));
    }
    case "unequalHistories":
      return (
        `the histories must have one value per quarter each, but pipelineHistory has ${e.pipeline}, ` +
        `certifiedHistory ${e.certified} and practiceHistory ${e.practice}`
      );
    case "emptyHistory":
      return "the histories are empty: give at least one quarter";
    case "badRulesRange":
      return `${e.argument}: ${e.message}`;
  }
}

type Reader<T> = (raw: unknown) => Result<T, ValueProblem>;

/** Reads one argument, naming it in the error. */
export function readArgument<T>(
  raw: unknown,
  argument: TierArgument,
  read: Reader<T>
): Result<T, TierInputError> {
  const r = read(raw);
  return r.ok ? r : err({ kind: "badValue", argument, problem: r.error });
}

/** Reads every value of a history, naming the first bad one by its position. */
export function readHistory<T>(
  raw: readonly unknown[],
  argument: TierArgument,
  read: Reader<T>
): Result<T[], TierInputError> {
  const values: T[] = [];
  for (let index = 0; index < raw.length; index++) {
    const r = read(raw[index]);
    if (!r.ok) return err({ kind: "badValue", argument, index, problem: r.error });
    values.push(r.value);
  }
  return ok(values);
}

/** A partner's figures for one quarter, read and checked. */
export interface TierMetrics {
  /** Annual pipeline, in dollars, to the cent as the validator compares it. */
  readonly pipeline: number;
  readonly certified: number;
  readonly practice: boolean;
}

export function readMetrics(
  pipeline: unknown,
  certified: unknown,
  practice: unknown
): Result<TierMetrics, TierInputError> {
  const p = readArgument(pipeline, "pipeline", readAmount);
  if (!p.ok) return p;
  const c = readArgument(certified, "certified", readCount);
  if (!c.ok) return c;
  const d = readArgument(practice, "practice", readFlag);
  if (!d.ok) return d;
  return ok({ pipeline: roundCents(p.value), certified: c.value, practice: d.value });
}

export const readTierArgument = (
  raw: unknown,
  argument: "currentTier" | "targetTier"
): Result<Tier, TierInputError> => readArgument(raw, argument, readTierName);
