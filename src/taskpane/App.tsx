import * as React from "react";
import {
  Button,
  Checkbox,
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
import { ProgramSettings, SettingKey } from "../domain/settings";
import { StartingData } from "../workbook/programPlan";
import { DraftReading, editDraft, initialDraft, readDraft } from "./settingsDraft";
import { SettingsForm } from "./SettingsForm";
import { RunState, useHostRun } from "./useHostRun";
import { useWorkbookSettings, WorkbookSettingsState } from "./useWorkbookSettings";
import { ValidationResults } from "./ValidationResults";
import { FindingsList } from "./FindingsList";
import {
  BrowserHost,
  DataImportOutcome,
  DownloadOutcome,
  ExcelHost,
  HostOutcome,
  ValidationOutcome,
  WorkbookHost,
  failureMessage,
} from "./workbookHost";

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

/** Said under the commands while a setting does not read: they wait for the form. */
export const CORRECT_SETTINGS = "Correct the settings marked in red to continue.";

const NO_ERRORS: ReadonlyMap<SettingKey, string> = new Map();

export interface AppProps {
  readonly host: WorkbookHost;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState(initialDraft);
  const reading = React.useMemo(() => readDraft(draft), [draft]);
  const edit = React.useCallback(
    (key: SettingKey, text: string) => setDraft((d) => editDraft(d, key, text)),
    []
  );
  // The workbook's own settings replace the sample's, but never what the user has typed meanwhile.
  const showWorkbook = React.useCallback(
    (settings: ProgramSettings) =>
      setDraft((d) => (d.edited.size === 0 ? initialDraft(settings) : d)),
    []
  );
  const fromWorkbook = useWorkbookSettings(host, showWorkbook);
  return (
    <main className={styles.root}>
      <Title2 as="h1">Partner Strategy</Title2>
      <Text as="p">
        Builds your partner program workbook from the playbook: thesis, landscape, scoring, tiers,
        quarterly data, OKRs, roadmap and a dashboard, from the settings below.
      </Text>
      <SettingsSource state={fromWorkbook} />
      <SettingsForm
        draft={draft}
        errors={reading.ok ? NO_ERRORS : reading.errors}
        onChange={edit}
      />
      {host.kind === "excel" ? (
        <ExcelCommands host={host} reading={reading} />
      ) : (
        <BrowserCommands host={host} reading={reading} />
      )}
    </main>
  );
}

/**
 * Whether the workbook starts with the sample company's partners: off, the analyst's own program starts
 * with empty data tables.
 */
function useStartingData(): [StartingData, React.ReactElement] {
  const [sample, setSample] = React.useState(false);
  const box = (
    <Checkbox
      label="Include sample data"
      checked={sample}
      onChange={(_, data) => setSample(data.checked === true)}
    />
  );
  return [sample ? "sample" : "blank", box];
}

interface CommandsProps<H> {
  readonly host: H;
  readonly reading: DraftReading;
}

/** Outside Excel the page builds the workbook file, with the user's CRM exports imported into it if they add some. */
function BrowserCommands({ host, reading }: CommandsProps<BrowserHost>) {
  const [state, run] = useHostRun<DownloadOutcome>();
  const [data, sampleBox] = useStartingData();
  const [files, setFiles] = React.useState<readonly File[]>([]);
  const running = state.phase === "running";
  const download = () => {
    if (!reading.ok) return;
    run("Building the workbook…", async () => {
      const picked = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
      );
      return host.createProgramWorkbook(reading.settings, data, picked);
    });
  };
  return (
    <>
      <OutsideExcelNotice />
      {sampleBox}
      <ImportButton
        label="Add data files…"
        multiple
        disabled={running}
        onFiles={(added) => setFiles((current) => [...current, ...added])}
      />
      {files.length > 0 && (
        <Text as="p">
          To import: {files.map((f) => f.name).join(", ")}.{" "}
          <Button appearance="transparent" size="small" onClick={() => setFiles([])}>
            Clear
          </Button>
        </Text>
      )}
      <Button appearance="primary" disabled={running || !reading.ok} onClick={download}>
        Download workbook (.xlsx)
      </Button>
      {!reading.ok && <Text as="p">{CORRECT_SETTINGS}</Text>}
      <Progress state={state} />
      <Outcome state={state} />
      {state.phase === "done" && state.outcome.lines.length > 0 && <ImportResults state={state} />}
    </>
  );
}

/**
 * In Excel: create the program workbook, write the edited settings into it, generate its roadmap, validate its
 * tiers, and go to the cell of a finding. One command runs at a time.
 */
function ExcelCommands({ host, reading }: CommandsProps<ExcelHost>) {
  const styles = useStyles();
  const [changed, runChange] = useHostRun<HostOutcome>();
  const [validated, runValidate] = useHostRun<ValidationOutcome>();
  const [imported, runImport] = useHostRun<DataImportOutcome>();
  const [data, sampleBox] = useStartingData();
  const [selectFailure, setSelectFailure] = React.useState<string>();
  const busy = [changed, validated, imported].some((state) => state.phase === "running");
  const edited = reading.ok && Object.keys(reading.edits).length > 0;

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
  const create = () => {
    if (reading.ok)
      runChange("Creating the program workbook…", () =>
        host.createProgramWorkbook(reading.settings, data)
      );
  };
  const update = () => {
    if (reading.ok) runChange("Updating the settings…", () => host.updateSettings(reading.edits));
  };
  const roadmap = () => {
    if (reading.ok) runChange("Generating the roadmap…", () => host.generateRoadmap(reading.edits));
  };
  const validate = () => {
    setSelectFailure(undefined);
    runValidate("Validating tiers…", () => host.validateTiers());
  };
  const importFile = (file: File) =>
    runImport(`Importing ${file.name}…`, async () =>
      host.importData({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    );

  return (
    <>
      {sampleBox}
      <div className={styles.commands}>
        <Button appearance="primary" disabled={busy || !reading.ok} onClick={create}>
          Create program workbook
        </Button>
        <Button disabled={busy || !edited} onClick={update}>
          Update settings
        </Button>
        <Button disabled={busy || !reading.ok} onClick={roadmap}>
          Generate roadmap
        </Button>
        <Button disabled={busy} onClick={validate}>
          Validate tiers
        </Button>
        <ImportButton
          label="Import data…"
          disabled={busy}
          onFiles={(files) => files.forEach(importFile)}
        />
      </div>
      {!reading.ok && <Text as="p">{CORRECT_SETTINGS}</Text>}
      <Progress state={changed} />
      <Progress state={validated} />
      <Progress state={imported} />
      <Outcome state={changed} />
      <ImportResults state={imported} />
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

/** The file types an import reads: CRM exports as CSV (or Excel's Unicode Text), and workbooks. */
const IMPORT_TYPES = ".csv,.txt,.xlsx,text/csv";

/**
 * A button that opens the file picker (a hidden file input, the one way a page may open it) and hands over the
 * files picked. Picking the same file again hands it over again.
 */
function ImportButton({
  label,
  multiple = false,
  disabled,
  onFiles,
}: {
  readonly label: string;
  readonly multiple?: boolean;
  readonly disabled: boolean;
  readonly onFiles: (files: readonly File[]) => void;
}) {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_TYPES}
        multiple={multiple}
        aria-label="CRM export to import"
        hidden
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/** A line per table imported, then the rows rejected and the warnings, each with the export's cell. */
function ImportResults({ state }: { readonly state: RunState<DataImportOutcome> }) {
  if (state.phase === "failed") return <Failure title="Could not import" message={state.message} />;
  if (state.phase !== "done") return null;
  const { lines, findings } = state.outcome;
  const rejected = findings.some((f) => f.severity === "error");
  return (
    <>
      <MessageBar intent={rejected ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {rejected ? "Imported, some rows rejected" : "Imported"}
          </MessageBarTitle>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
      {findings.length > 0 && (
        <FindingsList
          findings={findings}
          elsewhere="correct the file and import it again: rows already imported are left as they are"
        />
      )}
    </>
  );
}

/** Where the form's settings come from, when the open workbook has its own. */
function SettingsSource({ state }: { readonly state: WorkbookSettingsState }) {
  if (state.phase === "loaded")
    return <Text as="p">The settings below are this workbook&apos;s (its Settings sheet).</Text>;
  if (state.phase === "unreadable") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This workbook&apos;s settings could not be read</MessageBarTitle>
          {state.message} The form shows the sample company&apos;s settings instead.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
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

function Progress({ state }: { readonly state: RunState<unknown> }) {
  return state.phase === "running" ? <Spinner size="small" label={state.activity} /> : null;
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
