import * as React from "react";
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Finding } from "../domain/findings";
import { ProgramSettings, SettingKey } from "../domain/settings";
import { ruleTitle as healthRuleTitle } from "../workbook/healthRules";
import { StartingData } from "../workbook/programPlan";
import { editDraft, initialDraft, readDraft } from "./settingsDraft";
import { SettingsForm } from "./SettingsForm";
import { useHostRun } from "./useHostRun";
import { useWorkbookSettings, WorkbookSettingsState } from "./useWorkbookSettings";
import { ValidationResults, validationSummary } from "./ValidationResults";
import { FindingsList } from "./FindingsList";
import { RuleTitle } from "./FindingsPanel";
import { Failure, Outcome, Progress, ResultArea } from "./Feedback";
import { PaneStatusProvider, usePaneStatus } from "./paneStatus";
import { FileButton, FileDropZone } from "./FileButton";
import { FunctionsSection } from "./FunctionsSection";
import { WeightsSection } from "./WeightsSection";
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
    minWidth: "300px",
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})` },
  // Five tabs fit on one line of a 350 px pane: tighter than Fluent's small tabs, in its caption size.
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  title: { margin: 0 },
  section: {
    // A class's display would otherwise override the hidden attribute of the sections not chosen.
    "&[hidden]": { display: "none" },
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
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

/** The pane's sections, in the order an analyst works through a program. */
export const SECTIONS = {
  program: "Program",
  data: "Data",
  check: "Check",
  functions: "Functions",
  weights: "Weights",
} as const;
export type Section = keyof typeof SECTIONS;

export interface AppProps {
  readonly host: WorkbookHost;
  /** A finding rule's title: the health check's catalogue by default (src/workbook/healthRules.ts). */
  readonly ruleTitle?: RuleTitle;
}

export function App(props: AppProps) {
  return (
    <PaneStatusProvider>
      <Pane {...props} />
    </PaneStatusProvider>
  );
}

function Pane({ host, ruleTitle = healthRuleTitle }: AppProps) {
  const styles = useStyles();
  const [section, setSection] = React.useState<Section>("program");
  // Outside Excel the data files go into the download, on the Program section.
  const sections = (Object.keys(SECTIONS) as Section[]).filter(
    (s) => s !== "data" || host.kind === "excel"
  );
  const id = React.useId();
  const top = React.useRef<HTMLElement>(null);
  const panel = (s: Section, content: React.ReactNode) => (
    <div
      key={s}
      role="tabpanel"
      id={`${id}-${s}-panel`}
      aria-labelledby={`${id}-${s}-tab`}
      hidden={section !== s}
      className={styles.section}
    >
      {content}
    </div>
  );
  return (
    <main ref={top} className={styles.root}>
      <div className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          Partner Strategy
        </Subtitle1>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={section}
          onTabSelect={(_, data) => {
            setSection(data.value as Section);
            // A section opens at its top, not where the previous one was scrolled to.
            top.current?.scrollIntoView?.({ block: "start" });
          }}
          aria-label="Sections"
        >
          {sections.map((s) => (
            <Tab
              key={s}
              value={s}
              id={`${id}-${s}-tab`}
              aria-controls={`${id}-${s}-panel`}
              className={styles.tab}
            >
              <span className={styles.label}>{SECTIONS[s]}</span>
            </Tab>
          ))}
        </TabList>
      </div>
      {host.kind === "excel" ? (
        <>
          {panel("program", <ExcelProgram host={host} />)}
          {panel("data", <ExcelData host={host} />)}
          {panel("check", <ExcelCheck host={host} ruleTitle={ruleTitle} />)}
        </>
      ) : (
        <>
          {panel("program", <BrowserProgram host={host} />)}
          {panel("check", <BrowserCheck host={host} ruleTitle={ruleTitle} />)}
        </>
      )}
      {panel("functions", <FunctionsSection host={host} />)}
      {panel("weights", <WeightsSection host={host} open={section === "weights"} />)}
    </main>
  );
}

/**
 * The settings form: the open workbook's own settings once read (in Excel), else the sample company's, never
 * replacing what the user has typed meanwhile.
 */
function useSettingsForm(host: WorkbookHost) {
  const [draft, setDraft] = React.useState(initialDraft);
  const reading = React.useMemo(() => readDraft(draft), [draft]);
  const edit = React.useCallback(
    (key: SettingKey, text: string) => setDraft((d) => editDraft(d, key, text)),
    []
  );
  const showWorkbook = React.useCallback(
    (settings: ProgramSettings) =>
      setDraft((d) => (d.edited.size === 0 ? initialDraft(settings) : d)),
    []
  );
  const fromWorkbook = useWorkbookSettings(host, showWorkbook);
  const form = (
    <>
      <SettingsSource state={fromWorkbook} />
      <SettingsForm
        draft={draft}
        errors={reading.ok ? NO_ERRORS : reading.errors}
        onChange={edit}
      />
    </>
  );
  return { reading, form };
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

const sayOutcome = (outcome: HostOutcome): string => `Done. ${outcome.message}`;
const sayValidated = (outcome: ValidationOutcome): string =>
  `Validated: ${validationSummary(outcome)}.`;

/** Outside Excel the page builds the workbook file, with the user's CRM exports imported into it if they add some. */
function BrowserProgram({ host }: { readonly host: BrowserHost }) {
  const styles = useStyles();
  const { reading, form } = useSettingsForm(host);
  const { busy } = usePaneStatus();
  const [state, run] = useHostRun<DownloadOutcome>(sayOutcome);
  const [data, sampleBox] = useStartingData();
  const [files, setFiles] = React.useState<readonly File[]>([]);
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
      {form}
      {sampleBox}
      <div className={styles.commands}>
        <FileButton
          label="Add data files…"
          inputLabel="CRM export to import"
          multiple
          disabled={busy}
          onFiles={(added) => setFiles((current) => [...current, ...added])}
        />
        <Button appearance="primary" disabled={busy || !reading.ok} onClick={download}>
          Download workbook (.xlsx)
        </Button>
      </div>
      {files.length > 0 && (
        <Text as="p">
          To import: {files.map((f) => f.name).join(", ")}.{" "}
          <Button appearance="transparent" size="small" onClick={() => setFiles([])}>
            Clear
          </Button>
        </Text>
      )}
      {!reading.ok && <Text as="p">{CORRECT_SETTINGS}</Text>}
      <Progress state={state} />
      <ResultArea state={state}>
        <Outcome state={state} />
        {state.phase === "done" && state.outcome.lines.length > 0 && (
          <ImportResults outcome={state.outcome} />
        )}
      </ResultArea>
    </>
  );
}

/** Outside Excel: a program workbook or a CRM export of quarterly data, validated in the page. */
function BrowserCheck({
  host,
  ruleTitle,
}: {
  readonly host: BrowserHost;
  readonly ruleTitle: RuleTitle;
}) {
  const { busy } = usePaneStatus();
  const [state, run] = useHostRun<ValidationOutcome>(sayValidated);
  const [file, setFile] = React.useState<string>();
  const validate = (files: readonly File[]) => {
    const picked = files[0];
    if (picked === undefined || busy) return;
    setFile(picked.name);
    run(`Validating ${picked.name}…`, async () =>
      host.validateFile({ name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) })
    );
  };
  return (
    <FileDropZone disabled={busy} onFiles={validate}>
      <Text as="p">
        Check a program workbook (.xlsx) or a CRM export of quarterly data (CSV) against the tier
        rules. The file is read in this page: nothing is sent anywhere.
      </Text>
      <FileButton
        label="Validate a file…"
        inputLabel="Validate a file (.xlsx or CSV)"
        appearance="primary"
        disabled={busy}
        onFiles={validate}
      />
      <Text as="p" size={200}>
        Or drop the file here.
      </Text>
      <Progress state={state} />
      <ResultArea state={state}>
        {state.phase === "failed" && <Failure title="Could not validate" message={state.message} />}
        {state.phase === "done" && (
          <ValidationResults
            outcome={state.outcome}
            ruleTitle={ruleTitle}
            source={file}
            elsewhere="correct the file and validate it again"
          />
        )}
      </ResultArea>
    </FileDropZone>
  );
}

/**
 * In Excel: create the program workbook, write the edited settings into it, generate its roadmap. One command runs
 * at a time in the whole pane.
 */
function ExcelProgram({ host }: { readonly host: ExcelHost }) {
  const styles = useStyles();
  const { reading, form } = useSettingsForm(host);
  const { busy } = usePaneStatus();
  const [changed, runChange] = useHostRun<HostOutcome>(sayOutcome);
  const [data, sampleBox] = useStartingData();
  const edited = reading.ok && Object.keys(reading.edits).length > 0;
  const create = () => {
    if (reading.ok)
      runChange("Creating the program workbook…", (report) =>
        host.createProgramWorkbook(reading.settings, data, (done, total) =>
          report({ done, total, unit: "rows written" })
        )
      );
  };
  const update = () => {
    if (reading.ok) runChange("Updating the settings…", () => host.updateSettings(reading.edits));
  };
  const roadmap = () => {
    if (reading.ok) runChange("Generating the roadmap…", () => host.generateRoadmap(reading.edits));
  };
  return (
    <>
      {form}
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
      </div>
      {!reading.ok && <Text as="p">{CORRECT_SETTINGS}</Text>}
      <Progress state={changed} />
      <ResultArea state={changed}>
        <Outcome state={changed} />
      </ResultArea>
    </>
  );
}

/** In Excel: a CRM export imported into the data table its header fits. */
function ExcelData({ host }: { readonly host: ExcelHost }) {
  const { busy } = usePaneStatus();
  const [imported, runImport] = useHostRun<DataImportOutcome>((o) =>
    [o.findings.length > 0 ? "Imported, some rows rejected." : "Imported.", ...o.lines].join(" ")
  );
  const importFile = (file: File) =>
    runImport(`Importing ${file.name}…`, async () =>
      host.importData({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    );
  return (
    <FileDropZone disabled={busy} onFiles={(files) => files.slice(0, 1).forEach(importFile)}>
      <Text as="p">
        Bring a CRM export in (CSV, Excel&apos;s Unicode Text or .xlsx): its rows go into the table
        its header fits (Landscape, Scoring, Quarterly, Attribution, Competitors, Decisions,
        Executives, Deal Registrations, MDF Allocations or MDF Claims).
      </Text>
      <FileButton
        label="Import data…"
        inputLabel="CRM export to import"
        appearance="primary"
        disabled={busy}
        onFiles={(files) => files.slice(0, 1).forEach(importFile)}
      />
      <Progress state={imported} />
      <ResultArea state={imported}>
        {imported.phase === "failed" && (
          <Failure title="Could not import" message={imported.message} />
        )}
        {imported.phase === "done" && <ImportResults outcome={imported.outcome} />}
      </ResultArea>
    </FileDropZone>
  );
}

/** In Excel: validates the open workbook, lists every finding; picking one shows its cell. */
function ExcelCheck({
  host,
  ruleTitle,
}: {
  readonly host: ExcelHost;
  readonly ruleTitle: RuleTitle;
}) {
  const { busy } = usePaneStatus();
  const [validated, runValidate] = useHostRun<ValidationOutcome>(sayValidated);
  const [selectFailure, setSelectFailure] = React.useState<string>();
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
  const validate = () => {
    setSelectFailure(undefined);
    runValidate("Checking the program…", (report) =>
      host.validateTiers((done, total) => report({ done, total, unit: "quarterly rows read" }))
    );
  };
  return (
    <>
      <Text as="p">
        Runs the program health check: every quality rule of the playbook and the tier rules. Writes
        the Tier Review and marks each quarterly cell a finding cites. Pick a finding to go to its
        cell.
      </Text>
      <Button appearance="primary" disabled={busy} onClick={validate}>
        Validate
      </Button>
      <Progress state={validated} />
      {selectFailure !== undefined && (
        <Failure title="Could not show the cell" message={selectFailure} />
      )}
      <ResultArea state={validated}>
        {validated.phase === "failed" && (
          <Failure title="Could not validate" message={validated.message} />
        )}
        {validated.phase === "done" && (
          <ValidationResults outcome={validated.outcome} onSelect={select} ruleTitle={ruleTitle} />
        )}
      </ResultArea>
    </>
  );
}

/** A line per table imported, then the rows rejected and the warnings, each with the export's cell. */
function ImportResults({ outcome }: { readonly outcome: DataImportOutcome }) {
  const { lines, findings } = outcome;
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
        you can download the workbook, which computes its scores with native formulas, and validate
        a file (Check).
      </MessageBarBody>
    </MessageBar>
  );
}
