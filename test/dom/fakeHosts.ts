import { act } from "@testing-library/react";
import { ProgramSettings } from "../../src/domain/settings";
import { StartingData } from "../../src/workbook/programPlan";
import { SettingsEdits, WorkbookSettings } from "../../src/workbook/settingsTable";
import { ScoringReading } from "../../src/workbook/readScoring";
import { Weights } from "../../src/domain/scoring";
import {
  BrowserHost,
  DataImportOutcome,
  DownloadOutcome,
  ExcelHost,
  HostOutcome,
  PickedFile,
  ValidationOutcome,
} from "../../src/taskpane/workbookHost";

/**
 * A host command that stays pending until the test settles it, so the running state can be observed; it keeps the
 * arguments of every call.
 */
export class PendingCommand<T, A extends unknown[] = []> {
  readonly args: A[] = [];
  private settle: { resolve: (value: T) => void; reject: (e: unknown) => void } | undefined;

  get calls(): number {
    return this.args.length;
  }

  readonly start = (...args: A): Promise<T> => {
    this.args.push(args);
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  };

  async succeed(value: T): Promise<void> {
    await act(async () => this.settle?.resolve(value));
  }

  async fail(error: unknown): Promise<void> {
    await act(async () => this.settle?.reject(error));
  }
}

export class FakeBrowserHost implements BrowserHost {
  readonly kind = "browser";
  readonly create = new PendingCommand<
    DownloadOutcome,
    [ProgramSettings, StartingData, (readonly PickedFile[])?]
  >();
  readonly createProgramWorkbook = this.create.start;
  readonly validation = new PendingCommand<ValidationOutcome, [PickedFile]>();
  readonly validateFile = this.validation.start;
  readonly scoring = new PendingCommand<ScoringReading>();
  readonly readScoring = this.scoring.start;
}

export class FakeExcelHost implements ExcelHost {
  readonly kind = "excel";
  readonly create = new PendingCommand<
    HostOutcome,
    [ProgramSettings, StartingData, ((written: number, total: number) => void)?]
  >();
  readonly update = new PendingCommand<HostOutcome, [SettingsEdits]>();
  readonly roadmap = new PendingCommand<HostOutcome, [SettingsEdits]>();
  readonly validation = new PendingCommand<ValidationOutcome>();
  readonly settings = new PendingCommand<WorkbookSettings>();
  readonly readSettings = this.settings.start;
  readonly createProgramWorkbook = this.create.start;
  readonly updateSettings = this.update.start;
  readonly generateRoadmap = this.roadmap.start;
  readonly validateTiers = this.validation.start;
  readonly imports = new PendingCommand<DataImportOutcome, [PickedFile]>();
  readonly importData = this.imports.start;
  readonly scoring = new PendingCommand<ScoringReading>();
  readonly readScoring = this.scoring.start;
  readonly weights = new PendingCommand<HostOutcome, [Weights]>();
  readonly applyWeights = this.weights.start;
  readonly inserts = new PendingCommand<HostOutcome, [string]>();
  readonly insertFormula = this.inserts.start;
  /** The cells the pane asked to show, as "Sheet!A1". */
  readonly selected: string[] = [];
  /** What selectCell rejects with, when set. */
  selectFailure: unknown;

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
    if (this.selectFailure !== undefined) throw this.selectFailure;
  }
}
