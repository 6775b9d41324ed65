import * as React from "react";
import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding } from "../domain/findings";
import { formatTierStatus, TierAction, TierStatus } from "../domain/tiers";
import { MAX_FINDINGS_SHOWN } from "./FindingsList";
import { FindingsPanel, RuleTitle } from "./FindingsPanel";
import { ValidationOutcome } from "./workbookHost";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    alignSelf: "stretch",
  },
  actions: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

/** "1 error", "2 errors", "10,000 partners". */
const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "2 errors, 1 warning — 12 partners reviewed"; notes (info findings) only when there are some. */
export function validationSummary(outcome: ValidationOutcome): string {
  const { errors, warnings, info } = outcome.summary;
  const counts = [count(errors, "error"), count(warnings, "warning")];
  if (info > 0) counts.push(count(info, "note"));
  return `${counts.join(", ")} — ${count(outcome.partners, "partner")} reviewed`;
}

/** The most pressing first: a partner to exit, to demote, under warning, then to promote. */
const URGENCY: Readonly<Record<TierStatus["kind"], number>> = {
  exit: 0,
  demote: 1,
  warning: 2,
  promote: 3,
  hold: 4,
};

export interface ValidationResultsProps {
  readonly outcome: ValidationOutcome;
  /** Shows a finding's cell; left out for a file validated outside Excel. */
  readonly onSelect?: (finding: Finding) => void;
  readonly ruleTitle?: RuleTitle;
  /** The file validated, when it is one. */
  readonly source?: string;
  /** Where the findings beyond those shown are. */
  readonly elsewhere?: string;
}

/** What validation found: a summary, the findings (each shows its cell), and what to do with each partner now. */
export function ValidationResults({
  outcome,
  onSelect,
  ruleTitle,
  source,
  elsewhere,
}: ValidationResultsProps) {
  const styles = useStyles();
  return (
    <section aria-label="Tier validation" className={styles.root}>
      {source !== undefined && <Text as="p">{source}</Text>}
      <Text as="p" weight="semibold">
        {validationSummary(outcome)}
      </Text>
      <Subtitle2 as="h2">Findings</Subtitle2>
      <FindingsPanel
        findings={outcome.findings}
        onSelect={onSelect}
        ruleTitle={ruleTitle}
        elsewhere={elsewhere}
      />
      <Subtitle2 as="h2">Tier actions</Subtitle2>
      <TierActions actions={outcome.actions} />
    </section>
  );
}

function TierActions({ actions }: { readonly actions: readonly TierAction[] }) {
  const styles = useStyles();
  const moving = React.useMemo(
    () =>
      actions
        .filter((a) => a.status.kind !== "hold")
        .sort((a, b) => URGENCY[a.status.kind] - URGENCY[b.status.kind]),
    [actions]
  );
  const holding = actions.length - moving.length;
  const shown = moving.slice(0, MAX_FINDINGS_SHOWN);
  return (
    <>
      {moving.length > 0 && (
        <ul aria-label="Tier actions" className={styles.actions}>
          {shown.map((a, i) => (
            <li key={i}>
              <Text>
                {a.partner} ({a.tier}): <Text weight="semibold">{formatTierStatus(a.status)}</Text>
              </Text>
            </li>
          ))}
        </ul>
      )}
      {shown.length < moving.length && (
        <Text as="p">
          And {count(moving.length - shown.length, "more partner")}: the Tier Review&apos;s Status
          column has them all.
        </Text>
      )}
      <Text as="p">
        {holding === 1
          ? "1 partner holds its tier."
          : `${count(holding, "partner")} hold their tier.`}
      </Text>
    </>
  );
}
