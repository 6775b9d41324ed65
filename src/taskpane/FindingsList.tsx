import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding, Severity, sortFindings } from "../domain/findings";

/** Enough to work through at a time; the Tier Review sheet holds every finding on its row. */
export const MAX_FINDINGS_SHOWN = 200;

export const NO_FINDINGS = "No findings: every recorded tier follows the rules.";

export const SEVERITIES: Readonly<
  Record<Severity, { readonly label: string; readonly color: "danger" | "warning" | "informative" }>
> = {
  error: { label: "Error", color: "danger" },
  warning: { label: "Warning", color: "warning" },
  info: { label: "Note", color: "informative" },
};

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    alignSelf: "stretch",
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    height: "auto",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  where: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** The list's accessible name. */
  readonly label?: string;
  /**
   * Called when the user picks a finding: the host shows its cell. Without it the findings are listed, not
   * buttons: an import's findings cite cells of the file imported, which is not open in Excel.
   */
  readonly onSelect?: (finding: Finding) => void;
  /** Said under the list when it shows only the first MAX_FINDINGS_SHOWN: where the others are. */
  readonly elsewhere?: string;
}

/** Every finding, errors first, each a button that shows its cell in the workbook. */
export function FindingsList({
  findings,
  label = "Findings",
  onSelect,
  elsewhere = "the Tier Review sheet lists every one on its row",
}: FindingsListProps) {
  const styles = useStyles();
  const sorted = React.useMemo(() => sortFindings(findings), [findings]);
  if (sorted.length === 0) return <Text as="p">{NO_FINDINGS}</Text>;
  const shown = sorted.slice(0, MAX_FINDINGS_SHOWN);
  return (
    <>
      <ol aria-label={label} className={styles.list}>
        {shown.map((finding, i) => (
          <li key={i}>
            <FindingButton finding={finding} onSelect={onSelect} />
          </li>
        ))}
      </ol>
      {shown.length < sorted.length && (
        <Text as="p">
          Showing the first {shown.length.toLocaleString("en-US")} of{" "}
          {sorted.length.toLocaleString("en-US")} findings; {elsewhere}.
        </Text>
      )}
    </>
  );
}

function FindingButton({
  finding,
  onSelect,
}: {
  readonly finding: Finding;
  readonly onSelect?: (finding: Finding) => void;
}) {
  const styles = useStyles();
  const severity = SEVERITIES[finding.severity];
  const about = [finding.partner, finding.quarter].filter((x) => x !== undefined);
  const content = (
    <>
      <span className={styles.where}>
        <Badge appearance="tint" color={severity.color} size="small">
          {severity.label}
        </Badge>
        <Text weight="semibold">
          {finding.sheet}!{finding.cell}
        </Text>
        {about.length > 0 && <Text>{about.join(" · ")}</Text>}
      </span>
      <Text>{body(finding)}</Text>
    </>
  );
  if (onSelect === undefined) return <div className={styles.finding}>{content}</div>;
  return (
    <Button appearance="subtle" className={styles.finding} onClick={() => onSelect(finding)}>
      {content}
    </Button>
  );
}

/** The domain's messages start with the partner and quarter, which the row already shows. */
function body(finding: Finding): string {
  const prefix = `${finding.partner} ${finding.quarter}: `;
  return finding.partner !== undefined &&
    finding.quarter !== undefined &&
    finding.message.startsWith(prefix)
    ? finding.message.slice(prefix.length)
    : finding.message;
}
