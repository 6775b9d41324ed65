import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { exampleFormula, FUNCTIONS, FunctionEntry } from "./functionCatalogue";
import { Outcome, Progress, ResultArea } from "./Feedback";
import { usePaneStatus } from "./paneStatus";
import { useHostRun } from "./useHostRun";
import { HostOutcome, WorkbookHost } from "./workbookHost";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    alignSelf: "stretch",
  },
  entry: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

/**
 * Every PS.* function with its signature, what it does and an example; in Excel "Insert" types the example into the
 * selected cell, where the analyst sees it compute.
 */
export function FunctionsSection({ host }: { readonly host: WorkbookHost }) {
  const styles = useStyles();
  const { busy } = usePaneStatus();
  const [state, run] = useHostRun<HostOutcome>((o) => `Done. ${o.message}`);
  const insert = (entry: FunctionEntry) => {
    if (host.kind !== "excel") return;
    const formula = exampleFormula(entry);
    run(`Inserting PS.${entry.name}…`, () => host.insertFormula(formula));
  };
  return (
    <>
      <Text as="p">
        {host.kind === "excel"
          ? "Select a cell, then Insert an example: Excel computes it there. Replace the numbers with your cells."
          : "These functions compute in Excel with the add-in. Type them in any cell, with numbers or ranges."}
      </Text>
      <Progress state={state} />
      <ResultArea state={state}>
        <Outcome state={state} />
      </ResultArea>
      <ul aria-label="Functions" className={styles.list}>
        {FUNCTIONS.map((entry) => (
          <li key={entry.name} className={styles.entry}>
            <h3 className={styles.name}>PS.{entry.name}</h3>
            <Text className={styles.code}>{entry.signature}</Text>
            <Text>{entry.description}</Text>
            <Text>
              Example: <span className={styles.code}>{exampleFormula(entry)}</span> shows{" "}
              <Text weight="semibold">{entry.shows}</Text>
            </Text>
            {host.kind === "excel" && (
              <Button
                size="small"
                disabled={busy}
                aria-label={`Insert PS.${entry.name} example`}
                onClick={() => insert(entry)}
              >
                Insert
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
