import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  SETTING_FIELDS,
} from "../../../src/domain/settings";
import {
  SETTINGS_COLUMNS,
  settingRef,
  settingsSheetPlan,
  TBL_SETTINGS,
} from "../../../src/workbook/settingsSheet";

const table = settingsSheetPlan(DEFAULT_PROGRAM_SETTINGS).tables[0]!;

describe("Settings sheet plan", () => {
  test("tblSettings: one Setting/Value/Note row per program setting, in the domain's order", () => {
    expect(table.name).toBe(TBL_SETTINGS);
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(SETTINGS_COLUMNS));
    expect(table.rows.map((r) => r[0])).toEqual(SETTING_FIELDS.map((f) => f.label));
    expect(table.rows.find((r) => r[0] === "Markets")![1]).toBe(
      "North America, UK & Ireland, DACH"
    );
  });

  test("the workbook carries the settings: reading the table back gives the same settings", () => {
    const pairs = table.rows.map((r) => [r[0], r[1]] as const);
    expect(parseSettings(pairs)).toEqual({ ok: true, value: DEFAULT_PROGRAM_SETTINGS });
  });

  test("each value reads in its own format: money in dollars, the share as a percentage", () => {
    const value = table.columns[1]!;
    const format = (label: string) =>
      value.rowNumberFormats![table.rows.findIndex((r) => r[0] === label)];
    expect(value.rowNumberFormats).toHaveLength(table.rows.length);
    expect(format("Current ARR")).toBe("$#,##0");
    expect(format("Target ARR")).toBe("$#,##0");
    expect(format("Partner Share of ARR")).toBe("0%");
    expect(format("Program Year")).toBe("0");
    expect(format("Company")).toBeUndefined();
  });

  test("formulas read a setting by its label, wherever its row is", () => {
    expect(settingRef("icp")).toBe('INDEX(tblSettings[Value],MATCH("ICP",tblSettings[Setting],0))');
  });
});
