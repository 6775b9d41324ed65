import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { readNumber } from "../domain/cells";
import { CRITERIA, DEFAULT_WEIGHTS, Weights } from "../domain/scoring";
import { weightSensitivity, WeightMove } from "../domain/weightSensitivity";
import { ScoringReading } from "../workbook/readScoring";
import { Failure, Outcome, Progress, ResultArea } from "./Feedback";
import { usePaneStatus } from "./paneStatus";
import { useHostRun } from "./useHostRun";
import { failureMessage, HostOutcome, WorkbookHost } from "./workbookHost";

const useStyles = makeStyles({
  weights: {
    display: "grid",
    // Two columns that shrink with the pane: Fluent's inputs are otherwise wider than half of it.
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignSelf: "stretch",
  },
  input: { minWidth: 0, width: "100%" },
  commands: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  moves: { margin: 0, paddingLeft: tokens.spacingHorizontalL, alignSelf: "stretch" },
});

/** "30/25/20/15/10", as the playbook names its weights. */
const PLAYBOOK = DEFAULT_WEIGHTS.join("/");

type Texts = readonly [string, string, string, string, string];

const textsOf = (weights: Weights): Texts => weights.map(String) as unknown as Texts;

/** Each field's weight, or the sentence beside it that says what is accepted. */
function readWeight(text: string): { value: number } | { error: string } {
  const n = readNumber(text.trim().replace(/%$/, ""));
  if (n === undefined || n < 0 || n > 100)
    return { error: "Type a weight from 0 to 100, e.g. 30 (or 30%)." };
  return { value: n };
}

/**
 * The five scoring weights with their live total, a warning unless they make 100%, the playbook's weights one click
 * away, Apply (in Excel: writes tblWeights), and what moving each weight by ±20% does to the partners' bands and the
 * top 10.
 */
export function WeightsSection({
  host,
  open,
}: {
  readonly host: WorkbookHost;
  /** Whether the section shows: the workbook's weights and ratings are read each time it opens. */
  readonly open: boolean;
}) {
  const styles = useStyles();
  const { busy } = usePaneStatus();
  const [scoring, setScoring] = React.useState<ScoringReading>();
  const [readFailure, setReadFailure] = React.useState<string>();
  const [texts, setTexts] = React.useState<Texts>(textsOf(DEFAULT_WEIGHTS));
  const [applied, runApply] = useHostRun<HostOutcome>((o) => `Done. ${o.message}`);

  React.useEffect(() => {
    if (!open) return;
    let live = true;
    setReadFailure(undefined);
    host.readScoring().then(
      (read) => {
        if (!live) return;
        setScoring(read);
        if (read.weights) setTexts(textsOf(read.weights));
      },
      (error: unknown) => {
        console.error(error);
        if (live) setReadFailure(failureMessage(error));
      }
    );
    return () => {
      live = false;
    };
  }, [host, open]);

  const read = texts.map(readWeight);
  const weights = read.every((r) => "value" in r)
    ? (read.map((r) => (r as { value: number }).value) as unknown as Weights)
    : undefined;
  const total = read.reduce((sum, r) => sum + ("value" in r ? r.value : 0), 0);
  const usable = weights !== undefined && total > 0;

  const apply = () => {
    if (host.kind === "excel" && usable)
      runApply("Applying the weights…", () => host.applyWeights(weights));
  };

  return (
    <>
      <Text as="p">
        How much each criterion counts in a partner&apos;s score. Scores are divided by the total,
        so they compute whatever it is; the playbook&apos;s weights add up to 100%.
      </Text>
      <div className={styles.weights}>
        {CRITERIA.map((c, i) => {
          const r = read[i]!;
          return (
            <Field
              key={c.key}
              label={c.label}
              size="small"
              validationState={"error" in r ? "error" : "none"}
              validationMessage={"error" in r ? r.error : undefined}
            >
              <Input
                className={styles.input}
                size="small"
                inputMode="decimal"
                value={texts[i]}
                contentAfter="%"
                onChange={(_, data) =>
                  setTexts((t) => t.map((x, j) => (j === i ? data.value : x)) as unknown as Texts)
                }
              />
            </Field>
          );
        })}
      </div>
      <Text as="p" weight="semibold" aria-live="polite">
        Total: {Number(total.toFixed(6))}%
      </Text>
      {weights !== undefined && Math.abs(total - 100) > 1e-9 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The weights total {Number(total.toFixed(6))}%, not 100%.{" "}
            {total > 0
              ? "Scores are still divided by the total, but the weights no longer read as shares."
              : "At least one weight must be above 0."}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.commands}>
        <Button onClick={() => setTexts(textsOf(DEFAULT_WEIGHTS))}>
          Reset to the playbook&apos;s {PLAYBOOK}
        </Button>
        {host.kind === "excel" && (
          <Button appearance="primary" disabled={busy || !usable} onClick={apply}>
            Apply
          </Button>
        )}
      </div>
      <Progress state={applied} />
      <ResultArea state={applied}>
        <Outcome state={applied} />
      </ResultArea>
      <Subtitle2 as="h2">Sensitivity</Subtitle2>
      {readFailure !== undefined && (
        <Failure title="Could not read the Scoring sheet" message={readFailure} />
      )}
      {scoring === undefined && readFailure === undefined && (
        <Text as="p">Reading the partners…</Text>
      )}
      {scoring !== undefined && (
        <Sensitivity
          scoring={scoring}
          weights={usable ? weights : undefined}
          sample={host.kind === "browser"}
        />
      )}
    </>
  );
}

const criterionLabel = (key: WeightMove["criterion"]): string =>
  CRITERIA.find((c) => c.key === key)!.label;

const place = (rank: number | undefined): string =>
  rank === undefined ? "below 10th" : `#${rank}`;

function Sensitivity({
  scoring,
  weights,
  sample,
}: {
  readonly scoring: ScoringReading;
  readonly weights: Weights | undefined;
  readonly sample: boolean;
}) {
  const styles = useStyles();
  const moves = React.useMemo(
    () => (weights === undefined ? [] : weightSensitivity(scoring.partners, weights)),
    [scoring, weights]
  );
  const whose = sample ? "the sample company's" : "this workbook's";
  if (scoring.partners.length === 0)
    return (
      <Text as="p">
        No partner is rated on all five criteria yet: rate partners on the Scoring sheet to see how
        the weights move them.
      </Text>
    );
  if (weights === undefined) return <Text as="p">Correct the weights to see their effect.</Text>;
  return (
    <>
      <Text as="p">
        Each weight moved by ±20% (the others kept), among {whose} {scoring.partners.length} rated
        partners
        {scoring.unrated > 0 ? ` (${scoring.unrated} not fully rated left out)` : ""}: who changes
        band, or place in the top 10.
      </Text>
      <ul aria-label="Sensitivity of the weights" className={styles.moves}>
        {moves.map((m) => (
          <li key={`${m.criterion}${m.change}`}>
            <Text weight="semibold">
              {criterionLabel(m.criterion)} {m.change > 0 ? "+" : "−"}
              {Math.round(Math.abs(m.change) * 100)}%:
            </Text>{" "}
            <Text>
              {m.shifts.length === 0
                ? "no change"
                : m.shifts
                    .map((s) =>
                      [
                        s.partner,
                        s.band !== s.bandAfter ? `${s.band} → ${s.bandAfter}` : undefined,
                        s.rank !== s.rankAfter
                          ? `${place(s.rank)} → ${place(s.rankAfter)}`
                          : undefined,
                      ]
                        .filter((x) => x !== undefined)
                        .join(" ")
                    )
                    .join("; ")}
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}
