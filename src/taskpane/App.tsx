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
import { RunState, useHostRun } from "./useHostRun";
import { WorkbookHost } from "./workbookHost";

const COMMANDS = {
  excel: { label: "Create scoring sheet", progress: "Creating the Scoring sheet…" },
  browser: { label: "Download workbook (.xlsx)", progress: "Building the workbook…" },
} as const;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  readonly host: WorkbookHost;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const [state, run] = useHostRun(host);
  const command = COMMANDS[host.kind];
  const running = state.phase === "running";

  return (
    <main className={styles.root}>
      <Title2 as="h1">Partner Strategy</Title2>
      <Text as="p">
        Scores your partners on the playbook&apos;s five criteria, with a weighted score and a band
        for each.
      </Text>
      {host.kind === "browser" && <OutsideExcelNotice />}
      <Button appearance="primary" disabled={running} onClick={run}>
        {command.label}
      </Button>
      {running && <Spinner size="small" label={command.progress} />}
      <Outcome state={state} />
    </main>
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

function Outcome({ state }: { readonly state: RunState }) {
  if (state.phase === "done") {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Done</MessageBarTitle>
          {state.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.phase === "failed") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Could not finish</MessageBarTitle>
          {state.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
