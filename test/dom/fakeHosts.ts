import { act } from "@testing-library/react";
import {
  BrowserHost,
  ExcelHost,
  HostOutcome,
  ValidationOutcome,
} from "../../src/taskpane/workbookHost";

/** A host command that stays pending until the test settles it, so the running state can be observed. */
export class PendingCommand<T> {
  calls = 0;
  private settle: { resolve: (value: T) => void; reject: (e: unknown) => void } | undefined;

  readonly start = (): Promise<T> => {
    this.calls += 1;
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
  readonly create = new PendingCommand<HostOutcome>();
  readonly createScoringSheet = this.create.start;
}

export class FakeExcelHost implements ExcelHost {
  readonly kind = "excel";
  readonly create = new PendingCommand<HostOutcome>();
  readonly validation = new PendingCommand<ValidationOutcome>();
  readonly createScoringSheet = this.create.start;
  readonly validateTiers = this.validation.start;
  /** The cells the pane asked to show, as "Sheet!A1". */
  readonly selected: string[] = [];
  /** What selectCell rejects with, when set. */
  selectFailure: unknown;

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
    if (this.selectFailure !== undefined) throw this.selectFailure;
  }
}
