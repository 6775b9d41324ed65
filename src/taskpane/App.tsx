import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Finding } from "../domain/findings";
import { RunState, useHostRun } from "./useHostRun";
import { ValidationResults } from "./ValidationResults";
import { BrowserHost, ExcelHost, HostOutcome, WorkbookHost, failureMessage } from "./workbookHost";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  commands: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

export interface AppProps {
  readonly host: WorkbookHost;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">Partner Strategy</Title2>
      <Text as="p">
        Scores your partners on the playbook&apos;s five criteria, with a weighted score and a band
        for each.
      </Text>
      {host.kind === "excel" ? <ExcelCommands host={host} /> : <BrowserCommands host={host} />}
    </main>
  );
}

/** Outside Excel the page can only build the workbook file. */
function BrowserCommands({ host }: { readonly host: BrowserHost }) {
  const download = React.useCallback(() => host.createScoringSheet(), [host]);
  const [state, run] = useHostRun(download);
  const running = state.phase === "running";
  return (
    <>
      <OutsideExcelNotice />
      <Button appearance="primary" disabled={running} onClick={run}>
        Download workbook (.xlsx)
      </Button>
      {running && <Spinner size="small" label="Building the workbook…" />}
      <Outcome state={state} />
    </>
  );
}

/** In Excel: create the sheet, validate the tiers, and go to the cell of a finding. One command runs at a time. */
function ExcelCommands({ host }: { readonly host: ExcelHost }) {
  const styles = useStyles();
  const create = React.useCallback(() => host.createScoringSheet(), [host]);
  const validate = React.useCallback(() => host.validateTiers(), [host]);
  const [created, runCreate] = useHostRun(create);
  const [validated, runValidate] = useHostRun(validate);
  const [selectFailure, setSelectFailure] = React.useState<string>();
  const busy = created.phase === "running" || validated.phase === "running";

  const select = React.useCallback(
    (finding: Finding) => {
      setSelectFailure(undefined);
      host.selectCell(finding.sheet, finding.cell).catch((error: unknown) => {
        console.error(error);
        setSelectFailure(failureMessage(error));
      });
    },
    [host]
  );
  const startValidation = React.useCallback(() => {
    setSelectFailure(undefined);
    runValidate();
  }, [runValidate]);

  return (
    <>
      <div className={styles.commands}>
        <Button appearance="primary" disabled={busy} onClick={runCreate}>
          Create scoring sheet
        </Button>
        <Button disabled={busy} onClick={startValidation}>
          Validate tiers
        </Button>
      </div>
      {created.phase === "running" && <Spinner size="small" label="Creating the Scoring sheet…" />}
      {validated.phase === "running" && <Spinner size="small" label="Validating tiers…" />}
      <Outcome state={created} />
      {validated.phase === "failed" && (
        <Failure title="Could not validate" message={validated.message} />
      )}
      {selectFailure !== undefined && (
        <Failure title="Could not show the cell" message={selectFailure} />
      )}
      {validated.phase === "done" && (
        <ValidationResults outcome={validated.outcome} onSelect={select} />
      )}
    </>
  );
}

function OutsideExcelNotice() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Outside Excel</MessageBarTitle>
        This page is open outside Excel. The add-in&apos;s sheets and =PS functions need Excel; here
        you can download the workbook, which computes its scores with native formulas.
      </MessageBarBody>
    </MessageBar>
  );
}

function Outcome({ state }: { readonly state: RunState<HostOutcome> }) {
  if (state.phase === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Done</MessageBarTitle>
          {state.outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.phase === "failed") return <Failure title="Could not finish" message={state.message} />;
  return null;
}

function Failure({ title, message }: { readonly title: string; readonly message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
