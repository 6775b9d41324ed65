import fc from "fast-check";
import { quarterEnd, ROADMAP_COLUMNS, roadmapEntries } from "../../../src/domain/roadmap";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../../../src/domain/settings";
import { DATE_FORMAT, excelSerial } from "../../../src/workbook/dates";
import { CellPlan, TablePlan } from "../../../src/workbook/plan";
import { TableValues } from "../../../src/workbook/readProgram";
import { refreshRoadmap, sameWording } from "../../../src/workbook/roadmapRefresh";
import {
  bandFormula,
  QUARTER_FORMULA,
  roadmapSheetPlan,
  TBL_ROADMAP,
} from "../../../src/workbook/roadmapSheet";

const SETTINGS = DEFAULT_PROGRAM_SETTINGS;
const FIRST = new Date(Date.UTC(2026, 10, 2));
const LATER = new Date(Date.UTC(2027, 1, 15));
const entries = roadmapEntries(SETTINGS);
const generatedPlan = roadmapSheetPlan(entries, SETTINGS.programYear, FIRST);
const generated = generatedPlan.tables[0]!;

const col = (header: string): number => generated.columns.findIndex((c) => c.header === header);
const C = {
  quarter: col(ROADMAP_COLUMNS.quarter),
  milestone: col(ROADMAP_COLUMNS.milestone),
  owner: col(ROADMAP_COLUMNS.owner),
  status: col(ROADMAP_COLUMNS.status),
  due: col(ROADMAP_COLUMNS.due),
  reviewed: col(ROADMAP_COLUMNS.lastReviewed),
};

/** A table as a host reads it back: the same headers and cells, formulas as formulas. */
const asRead = (table: TablePlan, sheet = "Roadmap"): TableValues => ({
  sheet,
  header: table.columns.map((c) => c.header),
  rows: table.rows.map((r) => [...r]),
  topLeft: table.topLeft,
});

/** The generated table with some cells changed, as an analyst would: `edits[row][column] = value`. */
function edited(edits: Record<number, Record<number, unknown>>, extraRows: unknown[][] = []) {
  const read = asRead(generated);
  return {
    ...read,
    rows: [
      ...read.rows.map((row, r) =>
        row.map((cell, c) => (edits[r]?.[c] !== undefined ? edits[r]![c] : cell))
      ),
      ...extraRows,
    ],
  };
}

const handRow = (milestone: string, owner: unknown = "CPO"): unknown[] => {
  const row: unknown[] = generated.columns.map(() => null);
  row[C.milestone] = milestone;
  row[C.owner] = owner;
  row[C.status] = "In progress";
  row[C.due] = excelSerial(new Date(Date.UTC(2027, 4, 15)));
  return row;
};

describe("refreshRoadmap", () => {
  test("without a table: the generated roadmap, every milestone new", () => {
    const r = refreshRoadmap(undefined, SETTINGS, FIRST);
    expect(r.sheet).toEqual(generatedPlan);
    expect(r.table).toBe(r.sheet.tables[0]);
    expect(r.table.name).toBe(TBL_ROADMAP);
    expect(r).toMatchObject({
      programYear: 2027,
      milestones: entries.length,
      edited: 0,
      created: entries.length,
      byHand: 0,
      blankRows: 0,
    });
  });

  test("an untouched roadmap refreshed later is the same table: nothing edited, new or added", () => {
    const r = refreshRoadmap(asRead(generated), SETTINGS, LATER);
    expect(r.table).toEqual(generated);
    expect(r).toMatchObject({ edited: 0, created: 0, byHand: 0, blankRows: 0 });
  });

  test("keeps Owner, Status, Last Reviewed and an edited Due of each milestone; regenerates the rest", () => {
    const reviewed = excelSerial(new Date(Date.UTC(2026, 11, 1)));
    const due = new Date(Date.UTC(2027, 1, 14));
    const existing = edited({
      0: { [C.status]: "Done", [C.reviewed]: reviewed },
      2: { [C.owner]: "VP Alliance GTM", [C.status]: "At risk" },
      // A Date, as the file host reads a date cell; and the theme typed over, which is regenerated.
      5: { [C.due]: due, 1: "Renamed theme" },
    });
    const r = refreshRoadmap(existing, SETTINGS, LATER);
    expect(r).toMatchObject({ edited: 3, created: 0, byHand: 0 });
    const rows = r.table.rows;
    expect(rows[0]![C.status]).toBe("Done");
    expect(rows[0]![C.reviewed]).toBe(reviewed);
    expect(rows[2]![C.owner]).toBe("VP Alliance GTM");
    expect(rows[2]![C.status]).toBe("At risk");
    expect(rows[5]![C.due]).toBe(excelSerial(due));
    expect(rows[5]![1]).toBe(generated.rows[5]![1]);
    // Every other cell is as generated.
    rows.forEach((row, i) => {
      if (![0, 2, 5].includes(i)) expect(row).toEqual(generated.rows[i]);
    });
  });

  test("matches milestones ignoring case and spaces; keeps the generated wording", () => {
    const text = String(generated.rows[3]![C.milestone]);
    const existing = edited({
      3: { [C.milestone]: `  ${text.toUpperCase().replace(/ /g, "  ")} `, [C.status]: "Done" },
    });
    const r = refreshRoadmap(existing, SETTINGS, LATER);
    expect(r).toMatchObject({ edited: 1, created: 0, byHand: 0 });
    expect(r.table.rows[3]![C.milestone]).toBe(text);
    expect(r.table.rows[3]![C.status]).toBe("Done");
  });

  test("rows added by hand are kept after the milestones, in their order, with their own cells", () => {
    const first = handRow("Hire a partner marketing manager");
    const second = handRow("Partner advisory board", "Finance");
    const r = refreshRoadmap(edited({}, [first, second]), SETTINGS, LATER);
    expect(r).toMatchObject({ milestones: entries.length, edited: 0, byHand: 2 });
    const tail = r.table.rows.slice(entries.length);
    expect(tail.map((row) => row[C.milestone])).toEqual([
      "Hire a partner marketing manager",
      "Partner advisory board",
    ]);
    expect(tail[1]![C.owner]).toBe("Finance");
    expect(tail[0]![C.due]).toBe(first[C.due]);
    // Quarter and the timeline stay formulas of the row.
    expect(tail[0]![C.quarter]).toEqual(QUARTER_FORMULA);
    expect(tail[0]!.slice(C.reviewed + 1)).toEqual(
      ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"].map(bandFormula)
    );
  });

  test("a milestone row deleted by the analyst comes back, as generated", () => {
    const read = asRead(generated);
    const r = refreshRoadmap(
      { ...read, rows: read.rows.filter((_, i) => i !== 4) },
      SETTINGS,
      LATER
    );
    expect(r).toMatchObject({ created: 1, edited: 0 });
    expect(r.table.rows[4]).toEqual(
      generated.rows[4]!.map((c, i) => (i === C.reviewed ? excelSerial(LATER) : c))
    );
  });

  test("blank rows are dropped (the Quarter and timeline formulas alone are not content)", () => {
    const blank = generated.columns.map((_, c) =>
      c === C.quarter ? QUARTER_FORMULA : c > C.reviewed ? { formula: "=1" } : null
    );
    const r = refreshRoadmap(
      edited({}, [blank, generated.columns.map(() => "  ")]),
      SETTINGS,
      LATER
    );
    expect(r).toMatchObject({ byHand: 0, blankRows: 2 });
    expect(r.table.rows).toHaveLength(entries.length);
  });

  test("formulas the analyst typed stay formulas; error values stay as their text", () => {
    const existing = edited({
      1: { [C.reviewed]: { formula: "=TODAY()" }, [C.owner]: { error: "#REF!" } },
    });
    const r = refreshRoadmap(existing, SETTINGS, LATER);
    expect(r.table.rows[1]![C.reviewed]).toEqual({ formula: "=TODAY()" });
    expect(r.table.rows[1]![C.owner]).toBe("#REF!");
  });

  test("a quarter typed in the Quarter column of a row without a Due becomes its Due", () => {
    const row = handRow("Partner kickoff");
    row[C.due] = null;
    row[C.quarter] = "2027-Q3";
    const r = refreshRoadmap(edited({}, [row]), SETTINGS, LATER);
    const kept = r.table.rows.at(-1)!;
    expect(kept[C.due]).toBe("2027-Q3");
    expect(kept[C.quarter]).toEqual(QUARTER_FORMULA);
  });

  test("the analyst's own columns are kept after the roadmap's, dates shown as dates", () => {
    const read = asRead(generated);
    const note = new Date(Date.UTC(2027, 0, 9));
    const existing: TableValues = {
      ...read,
      header: [...read.header, "Notes", "Signed On"],
      rows: read.rows.map((row, i) => [
        ...row,
        i === 2 ? "waiting on legal" : null,
        i === 2 ? note : null,
      ]),
    };
    const r = refreshRoadmap(existing, SETTINGS, LATER);
    expect(r.table.columns.slice(-2)).toEqual([
      { header: "Notes", width: 14 },
      { header: "Signed On", width: 14, numberFormat: DATE_FORMAT },
    ]);
    expect(r.table.rows[2]!.slice(-2)).toEqual(["waiting on legal", excelSerial(note)]);
    expect(r.table.rows[3]!.slice(-2)).toEqual([null, null]);
    expect(r).toMatchObject({ edited: 1 });
  });

  test("new settings: milestones at new targets keep their row; a new program year moves generated dues only", () => {
    const bigger: ProgramSettings = { ...SETTINGS, targetArr: 120_000_000, programYear: 2028 };
    const pipeline = generated.rows.findIndex((r) => String(r[C.milestone]).includes("pipeline >"));
    const editedDue = excelSerial(new Date(Date.UTC(2027, 7, 1)));
    const existing = edited({
      [pipeline]: { [C.status]: "In progress" },
      0: { [C.due]: editedDue },
    });
    const r = refreshRoadmap(existing, bigger, LATER);
    const fresh = roadmapSheetPlan(roadmapEntries(bigger), 2028, LATER).tables[0]!;
    expect(fresh.rows[pipeline]![C.milestone]).not.toBe(generated.rows[pipeline]![C.milestone]);
    expect(r.table.rows[pipeline]![C.milestone]).toBe(fresh.rows[pipeline]![C.milestone]);
    expect(r.table.rows[pipeline]![C.status]).toBe("In progress");
    expect(r.table.rows[0]![C.due]).toBe(editedDue);
    expect(r.table.rows[1]![C.due]).toBe(excelSerial(quarterEnd({ year: 2028, quarter: 1 })));
    expect(r.table.columns.map((c) => c.header).slice(-4)).toEqual([
      "2028-Q1",
      "2028-Q2",
      "2028-Q3",
      "2028-Q4",
    ]);
    expect(r.sheet.cells[0]!.value).toBe("Partnership Roadmap 2028");
    expect(r).toMatchObject({ programYear: 2028, created: 0, byHand: 0, edited: 1 + 1 });
  });

  test("sameWording: the same text at other numbers", () => {
    expect(sameWording("Partnership Roadmap 2027", "Partnership Roadmap 2028")).toBe(true);
    expect(
      sameWording(
        "Partner-sourced ARR hits 10% of total ARR",
        "Partner-sourced ARR hits 12% of total ARR"
      )
    ).toBe(true);
    expect(sameWording("Partnership Roadmap 2027", "Our roadmap")).toBe(false);
  });

  test("no two generated milestones share a wording, so a changed target never matches the wrong row", () => {
    const texts = entries.map((e) => e.milestone);
    for (const a of texts) expect(texts.filter((b) => sameWording(a, b))).toEqual([a]);
  });

  test("property: refreshing a refreshed table changes nothing, whatever the analyst did", () => {
    const statuses = ["Done", "At risk", "In progress", null, "Dnoe"];
    const edit = fc.record({
      row: fc.nat(entries.length - 1),
      column: fc.constantFrom(C.owner, C.status, C.due, C.reviewed, C.milestone),
      value: fc.oneof(
        fc.constantFrom(...statuses),
        fc.integer({ min: 45000, max: 48000 }),
        fc.string({ maxLength: 12 })
      ),
    });
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 8 }),
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
        fc.constantFrom(2027, 2028),
        (edits, hand, year) => {
          const changes: Record<number, Record<number, unknown>> = {};
          for (const e of edits) (changes[e.row] ??= {})[e.column] = e.value;
          const settings = { ...SETTINGS, programYear: year };
          const once = refreshRoadmap(
            edited(
              changes,
              hand.map((m) => handRow(m))
            ),
            settings,
            LATER
          );
          const twice = refreshRoadmap(asRead(once.table), settings, LATER);
          expect(twice.table).toEqual(once.table);
          expect(twice).toMatchObject({ created: 0, blankRows: 0, byHand: once.byHand });
          // Nothing typed is lost: every milestone is still there, or a generated one says the same.
          const before = edited(
            changes,
            hand.map((m) => handRow(m))
          ).rows.map((r) => r[C.milestone]);
          const after = once.table.rows.map((r) => r[C.milestone] as CellPlan);
          for (const m of before) {
            if (typeof m !== "string") continue;
            const kept = after.includes(m) || entries.some((e) => sameWording(e.milestone, m));
            expect(kept).toBe(true);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
