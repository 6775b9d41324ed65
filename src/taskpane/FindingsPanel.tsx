import * as React from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Finding, Severity } from "../domain/findings";
import { FindingFilter, filterFindings, groupFindings } from "../domain/findingGroups";
import { FindingsList, NO_FINDINGS, SEVERITIES } from "./FindingsList";
import { copyText, findingsTable } from "./findingsTable";
import { usePaneStatus } from "./paneStatus";

/** A rule's title as the pane shows it; until a catalogue names them, the rule's id. */
export type RuleTitle = (id: string) => string;

export const ruleIdAsTitle: RuleTitle = (id) => id;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignSelf: "stretch",
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  filter: { minWidth: "120px", flexGrow: 1 },
  group: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const SEVERITY_CHOICES: readonly { value: FindingFilter["severity"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "error", label: "Errors" },
  { value: "warning", label: "Warnings" },
  { value: "info", label: "Notes" },
];

export interface FindingsPanelProps {
  readonly findings: readonly Finding[];
  readonly ruleTitle?: RuleTitle;
  /** Shows a finding's cell; without it the findings are listed, not buttons (a file's cells are not open). */
  readonly onSelect?: (finding: Finding) => void;
  /** Where the findings beyond those shown are. */
  readonly elsewhere?: string;
}

/**
 * Every finding, grouped by rule and severity with a count each (errors first), with filters by severity and
 * partner, and "Copy as table" for the findings the filters keep.
 */
export function FindingsPanel({
  findings,
  ruleTitle = ruleIdAsTitle,
  onSelect,
  elsewhere,
}: FindingsPanelProps) {
  const styles = useStyles();
  const { announce } = usePaneStatus();
  const [filter, setFilter] = React.useState<FindingFilter>({ severity: "all", partner: "" });
  const [copied, setCopied] = React.useState<string>();
  const kept = React.useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const groups = React.useMemo(() => groupFindings(kept), [kept]);
  if (findings.length === 0) return <Text as="p">{NO_FINDINGS}</Text>;

  const copy = () => {
    // In the order shown: group after group.
    copyText(
      findingsTable(
        groups.flatMap((g) => g.findings),
        ruleTitle
      )
    ).then(
      () => {
        const said = `Copied ${kept.length} ${kept.length === 1 ? "finding" : "findings"} as a table: paste it into a sheet.`;
        setCopied(said);
        announce(said);
      },
      (error: unknown) => {
        console.error(error);
        const said =
          "Could not copy: the browser refused the clipboard. Select the findings and copy them instead.";
        setCopied(said);
        announce(said);
      }
    );
  };

  return (
    <section aria-label="Findings by rule" className={styles.root}>
      <div className={styles.filters}>
        <Field label="Severity" size="small" className={styles.filter}>
          <Select
            size="small"
            value={filter.severity}
            onChange={(_, data) =>
              setFilter((f) => ({ ...f, severity: data.value as FindingFilter["severity"] }))
            }
          >
            {SEVERITY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Partner" size="small" className={styles.filter}>
          <Input
            size="small"
            value={filter.partner}
            placeholder="Any partner"
            onChange={(_, data) => setFilter((f) => ({ ...f, partner: data.value }))}
          />
        </Field>
        <Button size="small" disabled={kept.length === 0} onClick={copy}>
          Copy as table
        </Button>
      </div>
      <Text as="p">{sheetsLine(findings)}</Text>
      {copied !== undefined && <Text as="p">{copied}</Text>}
      {kept.length === 0 && <Text as="p">No finding matches these filters.</Text>}
      {groups.map((group) => {
        const title = ruleTitle(group.rule);
        return (
          <React.Fragment key={`${group.severity}:${group.rule}`}>
            <h3 className={styles.group}>
              <SeverityBadge severity={group.severity} />
              <span>{title}</span>
              <Badge
                appearance="outline"
                color="informative"
                aria-label={`${group.findings.length} findings`}
              >
                {group.findings.length.toLocaleString("en-US")}
              </Badge>
            </h3>
            <FindingsList
              label={`${title}: ${SEVERITIES[group.severity].label.toLowerCase()}s`}
              findings={group.findings}
              onSelect={onSelect}
              elsewhere={elsewhere}
            />
          </React.Fragment>
        );
      })}
    </section>
  );
}

/** "By sheet: Quarterly 3 errors, 1 warning; Tiers 1 error": where the problems are, errors first. */
export function sheetsLine(findings: readonly Finding[]): string {
  const bySheet = new Map<string, { errors: number; warnings: number; notes: number }>();
  for (const f of findings) {
    const counts = bySheet.get(f.sheet) ?? { errors: 0, warnings: 0, notes: 0 };
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.notes++;
    bySheet.set(f.sheet, counts);
  }
  const some = (n: number, one: string) => (n === 0 ? [] : [`${n} ${one}${n === 1 ? "" : "s"}`]);
  const parts = [...bySheet]
    .sort(([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || (a < b ? -1 : 1))
    .map(
      ([sheet, c]) =>
        `${sheet} ${[...some(c.errors, "error"), ...some(c.warnings, "warning"), ...some(c.notes, "note")].join(", ")}`
    );
  return `By sheet: ${parts.join("; ")}. Sheets not named have no finding.`;
}

function SeverityBadge({ severity }: { readonly severity: Severity }) {
  const { label, color } = SEVERITIES[severity];
  return (
    <Badge appearance="tint" color={color} size="small">
      {label}
    </Badge>
  );
}
