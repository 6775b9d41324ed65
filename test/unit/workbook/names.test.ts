import {
  looksLikeCellReference,
  planNameProblems,
  planReferenceProblems,
  sheetNameProblem,
  structuredReferences,
  tableNameProblem,
} from "../../../src/workbook/names";
import { SheetPlan, TablePlan, WorkbookPlan } from "../../../src/workbook/plan";

const table = (name: string, headers: readonly string[], formula?: string): TablePlan => ({
  name,
  topLeft: { row: 0, column: 0 },
  columns: headers.map((header) => ({ header, width: 10 })),
  rows: formula === undefined ? [] : [[{ formula }, ...headers.slice(1).map(() => null)]],
});

const sheet = (name: string, ...tables: TablePlan[]): SheetPlan => ({
  name,
  tables,
  cells: [],
  freezeRows: 0,
});

describe("sheet names", () => {
  test.each(["Scoring", "Tier Review", "OKRs", "Build vs. Partner (2027)", "x".repeat(31)])(
    "%s is a sheet name Excel accepts",
    (name) => expect(sheetNameProblem(name)).toBeUndefined()
  );

  test("at most 31 characters", () => {
    expect(sheetNameProblem("x".repeat(32))).toBe(
      `sheet name "${"x".repeat(32)}" has 32 characters; Excel allows 31`
    );
  });

  test.each([":", "\\", "/", "?", "*", "[", "]"])("none of : \\ / ? * [ ] — %s", (ch) => {
    expect(sheetNameProblem(`Q1${ch}Q2`)).toBe(
      `sheet name "Q1${ch}Q2" contains "${ch}"; Excel allows none of : \\ / ? * [ ]`
    );
  });

  test("no apostrophe first or last, though one inside is fine", () => {
    expect(sheetNameProblem("'Plan")).toMatch(/starts or ends with an apostrophe/);
    expect(sheetNameProblem("Plan'")).toMatch(/starts or ends with an apostrophe/);
    expect(sheetNameProblem("Partner's Map")).toBeUndefined();
  });

  test("History is reserved in any case; blank is no name", () => {
    expect(sheetNameProblem("History")).toBe('sheet name "History" is reserved by Excel');
    expect(sheetNameProblem("HISTORY")).toBe('sheet name "HISTORY" is reserved by Excel');
    expect(sheetNameProblem("History 2026")).toBeUndefined();
    expect(sheetNameProblem("")).toBe("a sheet name cannot be blank");
  });
});

describe("table names", () => {
  test.each([
    "tblScoring",
    "_private",
    "\\root",
    "tbl.Quarterly_2026",
    "tblÜbersicht",
    "XFE1",
    "tblR",
  ])("%s is a table name Excel accepts", (name) => expect(tableNameProblem(name)).toBeUndefined());

  test.each(["tbl Scoring", "1stTable", ".dot", "tbl-Scoring", "tbl\\x"])(
    "%s breaks the character rules",
    (name) =>
      expect(tableNameProblem(name)).toBe(
        `table name "${name}" must start with a letter, "_" or "\\" and hold only letters, digits, "." and "_" (no spaces)`
      )
  );

  test.each(["A1", "xfd1048576", "TBL1", "R1C1", "rc", "R", "c", "R2C", "C12"])(
    "%s looks like a cell reference",
    (name) => {
      expect(looksLikeCellReference(name)).toBe(true);
      expect(tableNameProblem(name)).toBe(
        `table name "${name}" looks like a cell reference, which Excel does not allow`
      );
    }
  );

  test("beyond the last column or row it is a name again", () => {
    expect(looksLikeCellReference("XFE1")).toBe(false);
    expect(looksLikeCellReference("A1048577")).toBe(false);
    expect(looksLikeCellReference("A0")).toBe(false);
  });

  test("at most 255 characters; blank is no name", () => {
    expect(tableNameProblem(`t${"x".repeat(254)}`)).toBeUndefined();
    expect(tableNameProblem(`t${"x".repeat(255)}`)).toMatch(
      /has 256 characters; Excel allows 255$/
    );
    expect(tableNameProblem("")).toBe("a table name cannot be blank");
  });
});

describe("a plan's names", () => {
  test("sheet, table and column names repeated ignoring case are reported", () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet("Plan", table("tblA", ["Partner", "PARTNER"])),
        sheet("PLAN", table("TBLA", ["Tier"])),
        sheet("Bad:Name", table("A1", ["x"])),
      ],
    };
    expect(planNameProblems(plan)).toEqual([
      'sheet name "Bad:Name" contains ":"; Excel allows none of : \\ / ? * [ ]',
      'sheet name "PLAN" repeats "Plan" (Excel ignores case)',
      'table name "A1" looks like a cell reference, which Excel does not allow',
      'table name "TBLA" repeats "tblA" (Excel ignores case)',
      'tblA: column "PARTNER" repeats "Partner" (Excel ignores case)',
    ]);
  });
});

describe("structured references", () => {
  test("whole columns, this row, column ranges and special items", () => {
    expect(
      structuredReferences(
        "=SUM(tblA[Pipeline])+tblA[[#This Row],[Rating]]*MMULT(tblA[[#This Row],[ICP]:[Revenue]],tblB[#All])"
      )
    ).toEqual([
      { table: "tblA", columns: ["Pipeline"] },
      { table: "tblA", columns: ["Rating"] },
      { table: "tblA", columns: ["ICP", "Revenue"] },
      { table: "tblB", columns: [] },
    ]);
  });

  test("text inside quotes is not a reference; an apostrophe escapes a bracket in a column name", () => {
    expect(
      structuredReferences(`=IF(tblA[Note]="see tblB[Gone]","x",tblA[[#This Row],[Size '[m']]])`)
    ).toEqual([
      { table: "tblA", columns: ["Note"] },
      { table: "tblA", columns: ["Size [m]"] },
    ]);
  });

  test("every table and column a formula names must exist in the plan", () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet(
          "One",
          table("tblA", ["Partner", "Score"], "=COUNT(tblA[score])+tblA[[#This Row],[Band]]")
        ),
        {
          ...sheet("Two"),
          cells: [
            { at: { row: 4, column: 2 }, value: { formula: "=SUM(tblGone[X])" }, style: "label" },
          ],
        },
      ],
    };
    expect(planReferenceProblems(plan)).toEqual([
      'One!A2: table tblA has no column "Band"',
      'Two!C5: no table "tblGone" in the workbook',
    ]);
  });
});
