import { DEFAULT_PROGRAM_SETTINGS, SETTING_FIELDS } from "../../../src/domain/settings";
import { applyPlan } from "../../../src/excel/applyPlan";
import { HostError } from "../../../src/excel/errors";
import { NO_SETTINGS_TABLE } from "../../../src/excel/settingsTable";
import { updateSettings, updateSettingsInExcel } from "../../../src/excel/updateSettings";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SETTINGS_SHEET, TBL_SETTINGS } from "../../../src/workbook/settingsSheet";
import { CellContent, parseRange, RecordingExcel, SeedSheet } from "../../support/recordingExcel";

const TODAY = new Date(Date.UTC(2026, 10, 25));

/** The program workbook as the add-in scaffolds it. */
async function programWorkbook(): Promise<RecordingExcel> {
  const excel = new RecordingExcel();
  await applyPlan(
    excel.context,
    programWorkbookPlan({ data: "sample", mode: "addin", today: TODAY })
  );
  return excel;
}

/** The Value cell of a setting in tblSettings, found by its label in the Setting column. */
function valueOf(excel: RecordingExcel, label: string): CellContent | undefined {
  const table = excel.table(TBL_SETTINGS)!;
  const box = parseRange(table.address);
  const cells = excel.sheet(table.sheet).cells;
  for (let row = box.top + 1; row <= box.bottom; row++) {
    const setting = cells.get(`A${row + 1}`);
    if (setting && "value" in setting && setting.value === label) return cells.get(`B${row + 1}`);
  }
  throw new Error(`tblSettings has no ${label} row.`);
}

const allSheets = (excel: RecordingExcel) => excel.sheets.map((s) => excel.snapshot(s.name));

/** Types into a cell as a user would. */
async function type(excel: RecordingExcel, sheet: string, address: string, value: string | number) {
  excel.context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[value]];
  await excel.context.sync();
}

describe("updateSettings", () => {
  test("writes the Value cells of the edited settings, and nothing else, in two syncs", async () => {
    const excel = await programWorkbook();
    const before = excel.syncs;
    const sheetsBefore = excel.sheets.map((s) => s.name);
    const others = excel.sheets
      .filter((s) => s.name !== SETTINGS_SHEET)
      .map((s) => excel.snapshot(s.name));
    const settingsBefore = excel.sheet(SETTINGS_SHEET);
    const cellsBefore = new Map(settingsBefore.cells);

    const report = await updateSettings(excel.context, {
      company: "Acme Analytics",
      targetArr: 80_000_000,
      markets: ["Nordics", "Benelux"],
    });

    expect(excel.syncs - before).toBe(2);
    expect(report).toEqual({
      updated: ["Company", "Target ARR", "Markets"],
      added: [],
      syncs: 2,
    });
    expect(valueOf(excel, "Company")).toEqual({ value: "Acme Analytics" });
    expect(valueOf(excel, "Target ARR")).toEqual({ value: 80_000_000 });
    expect(valueOf(excel, "Markets")).toEqual({ value: "Nordics, Benelux" });
    const changed = [...excel.sheet(SETTINGS_SHEET).cells].filter(
      ([address, content]) => JSON.stringify(cellsBefore.get(address)) !== JSON.stringify(content)
    );
    expect(changed).toHaveLength(3);
    expect(excel.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(
      excel.sheets.filter((s) => s.name !== SETTINGS_SHEET).map((s) => excel.snapshot(s.name))
    ).toEqual(others);
    // The Value cells keep their formats: only formulas were written.
    const writes = excel.operations.filter((o) => o.request >= before);
    expect(new Set(writes.map((o) => o.member))).toEqual(
      new Set(["getItemOrNullObject", "load", "formulas"])
    );
  });

  test("a setting the table already holds, however it is written there, is not written again", async () => {
    const excel = await programWorkbook();
    const share = valueOf(excel, "Partner Share of ARR");
    expect(share).toEqual({ value: DEFAULT_PROGRAM_SETTINGS.partnerShare });
    const table = excel.table(TBL_SETTINGS)!;
    const row = [...excel.sheet(SETTINGS_SHEET).cells].find(
      ([, c]) => "value" in c && c.value === "Partner Share of ARR"
    )![0];
    await type(excel, table.sheet, row.replace("A", "B"), "30%");
    const before = allSheets(excel);

    const report = await updateSettings(excel.context, {
      partnerShare: 0.3,
      company: DEFAULT_PROGRAM_SETTINGS.company,
    });

    expect(report).toMatchObject({ updated: [], added: [] });
    expect(allSheets(excel)).toEqual(before);
  });

  test("an edit that contradicts the workbook is refused, naming both settings, and nothing is written", async () => {
    const excel = await programWorkbook();
    const row = [...excel.sheet(SETTINGS_SHEET).cells].find(
      ([, c]) => "value" in c && c.value === "Current ARR"
    )![0];
    await type(excel, SETTINGS_SHEET, row.replace("A", "B"), 50_000_000);
    const before = allSheets(excel);

    const failure = updateSettings(excel.context, { targetArr: 40_000_000 });

    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toThrow(
      "Target ARR $40,000,000 is below Current ARR $50,000,000. Nothing was changed"
    );
    expect(allSheets(excel)).toEqual(before);
  });

  test("the workbook's own problems do not stop an edit of another setting", async () => {
    const excel = await programWorkbook();
    const row = [...excel.sheet(SETTINGS_SHEET).cells].find(
      ([, c]) => "value" in c && c.value === "Years"
    )![0];
    await type(excel, SETTINGS_SHEET, row.replace("A", "B"), "three");

    const report = await updateSettings(excel.context, { company: "Acme Analytics" });

    expect(report.updated).toEqual(["Company"]);
    expect(valueOf(excel, "Years")).toEqual({ value: "three" });
  });

  test("a setting the table lacks gets a row inside it, moving what is below; the others stay where they are", async () => {
    const seed: SeedSheet = {
      name: "Inputs",
      ranges: [
        {
          address: "B2:C4",
          values: [
            ["setting", "VALUE"],
            ["Company", "Acme"],
            ["Years", 4],
          ],
        },
      ],
      cells: { B6: "My note under the table" },
      tables: [{ name: TBL_SETTINGS, address: "B2:C4" }],
    };
    const excel = new RecordingExcel([seed]);

    const report = await updateSettings(excel.context, {
      company: "Acme Analytics",
      currentArr: 25_000_000,
      icp: "regional banks",
    });

    expect(report).toEqual({ updated: ["Company"], added: ["Current ARR", "ICP"], syncs: 2 });
    expect(excel.table(TBL_SETTINGS)!.address).toBe("B2:C6");
    const cells = excel.sheet("Inputs").cells;
    const text = (a: string) => {
      const c = cells.get(a);
      return c && "value" in c ? c.value : c?.formula;
    };
    expect([3, 4, 5, 6].map((r) => [text(`B${r}`), text(`C${r}`)])).toEqual([
      ["Company", "Acme Analytics"],
      ["Current ARR", 25_000_000],
      ["ICP", "regional banks"],
      ["Years", 4],
    ]);
    expect(text("B8")).toBe("My note under the table");
    // The added money cell is formatted as the Settings sheet formats Current ARR.
    expect(excel.sheet("Inputs").settings).toContainEqual(
      expect.objectContaining({ address: "C4", member: "numberFormat" })
    );
  });

  test("no tblSettings: a HostError that says to create the program workbook, and nothing is written", async () => {
    const excel = new RecordingExcel();
    const failure = updateSettingsInExcel({ company: "Acme" }, excel.run, () => false);
    await expect(failure).rejects.toMatchObject({ name: "HostError", message: NO_SETTINGS_TABLE });
    expect(excel.syncs).toBe(1);
  });

  test("every setting can be written back as the Settings sheet holds it", async () => {
    const excel = await programWorkbook();
    const edits = {
      ...DEFAULT_PROGRAM_SETTINGS,
      company: "=Acme",
      partnerTypes: ["GSI"] as const,
      priorityModels: ["Referral"] as const,
      programYear: 2028,
    };
    const report = await updateSettings(excel.context, edits);

    expect(report.updated).toEqual(["Company", "Partner Types", "Priority Models", "Program Year"]);
    // Text that looks like a formula stays text.
    expect(valueOf(excel, "Company")).toEqual({ value: "=Acme" });
    expect(valueOf(excel, "Program Year")).toEqual({ value: 2028 });
    expect(SETTING_FIELDS.map((f) => valueOf(excel, f.label))).not.toContainEqual(undefined);
  });
});
