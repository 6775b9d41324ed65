import {
  CRITERIA,
  DEFAULT_WEIGHTS,
  describeScoreError,
  ScoreInputError,
  scoreBand,
  scorePartner,
} from "../../domain/scoring";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { formatScore } from "../formatScore";

const aboutWeights = (e: ScoreInputError): boolean =>
  e.kind === "negativeWeight" ||
  e.kind === "zeroWeights" ||
  (e.kind === "notANumber" && e.field === "weight") ||
  (e.kind === "wrongCount" && e.field === "weights");

export const scoreCommand: Command = {
  name: "score",
  usage: `R1 R2 R3 R4 R5 [--weights ${DEFAULT_WEIGHTS.join(",")}]`,
  summary:
    "Print one partner's score and band. Ratings 0–100, in order: " +
    `${CRITERIA.map((c) => c.label).join(", ")}. Weights default to ${DEFAULT_WEIGHTS.join(",")}.`,
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["weights"]);
    const score = scorePartner(positionals, values.weights?.split(","));
    if (!score.ok) {
      const message = describeScoreError(score.error);
      throw new UsageError(aboutWeights(score.error) ? `--weights: ${message}` : message);
    }
    io.out(`${formatScore(score.value)} ${scoreBand(score.value)}`);
    return 0;
  },
};
