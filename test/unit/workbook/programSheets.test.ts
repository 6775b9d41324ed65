import { readDate } from "../../../src/domain/cells";
import { checkCompetitorMap } from "../../../src/domain/competitors";
import { checkDecisionLog, DECISION_LOG_COLUMNS } from "../../../src/domain/decisions";
import { checkExecutiveMap } from "../../../src/domain/executives";
import { RawCell } from "../../../src/domain/findings";
import { checkLandscape } from "../../../src/domain/landscape";
import { checkOkrs, okrEntries } from "../../../src/domain/okrs";
import { checkRaci } from "../../../src/domain/raci";
import { checkRoadmap } from "../../../src/domain/roadmap";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../../../src/domain/settings";
import { planNameProblems, planReferenceProblems } from "../../../src/workbook/names";
import { CellPlan, FormulaMode, isFormula, SheetPlan, TablePlan } from "../../../src/workbook/plan";
import { BLANK_DATA, programSheets, sampleData } from "../../../src/workbook/programSheets";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import { assembleProgram } from "../../../src/workbook/programPlan";

const TODAY = new Date(Date.UTC(2026, 10, 25));
const SAMPLE = sampleData(TODAY);
const DATA = { sample: SAMPLE, blank: BLANK_DATA } as const;
const OTHER: ProgramSettings = { ...DEFAULT_PROGRAM_SETTINGS, company: "Acme Analytics" };

const tableOf = (sheets: readonly SheetPlan[], name: string): TablePlan => {
  const table = sheets.flatMap((s) => s.tables).find((t) => t.name === name);
  if (table === undefined) throw new Error(`no ${name}`);
  return table;
};

/** A table's column as raw cells; formula cells are left out of what the checks read (their results). */
const column = (table: TablePlan, header: string): RawCell[] => {
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`${table.name} has no ${header}`);
  return table.rows.map((row, r) => {
    const value: CellPlan = row[index]!;
    return { value: isFormula(value) ? null : value, cell: `${table.name}!R${r + 1}C${index + 1}` };
  });
};

describe("the program's sheets", () => {
  test("in the playbook's order, Settings first and the Dashboard last", () => {
    expect(
      programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE).map((s) => s.name)
    ).toEqual([
      "Settings",
      "Thesis",
      "Models",
      "Landscape",
      "Competitors",
      "Attribution",
      "Decisions",
      "OKRs",
      "Roadmap",
      "RACI",
      "Executives",
      "Deal Registrations",
      "MDF",
      "MDF Allocations",
      "MDF Claims",
      "Dashboard",
    ]);
  });

  test.each([
    ["the worked example", DEFAULT_PROGRAM_SETTINGS, "sample", "portable"],
    ["the worked example", DEFAULT_PROGRAM_SETTINGS, "sample", "addin"],
    ["another company's blank program", OTHER, "blank", "portable"],
    ["another company's blank program", OTHER, "blank", "addin"],
  ] as const)(
    "%s, %s data, %s mode, with Scoring and the tier sheets: every name is one Excel accepts and every reference resolves",
    (_title, settings, data, mode: FormulaMode) => {
      const plan = assembleProgram(
        programSheets(settings, mode, TODAY, DATA[data]),
        mode,
        DATA[data]
      );
      expect(planNameProblems(plan)).toEqual([]);
      expect(planReferenceProblems(plan)).toEqual([]);
      const calls = plan.sheets
        .flatMap((s) => s.tables.flatMap((t) => t.rows.flat()))
        .filter(isFormula)
        .filter((f) => f.formula.includes("PS."));
      if (mode === "portable") expect(calls).toEqual([]);
      else expect(calls.length).toBeGreaterThan(0);
    }
  );

  test("the landscape lists the Scoring sheet's partners", () => {
    const sheets = programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE);
    const partners = column(tableOf(sheets, "tblLandscape"), "Partner").map((c) => c.value);
    expect(new Set(partners)).toEqual(new Set(SAMPLE_PARTNERS.map((p) => p.name)));
  });

  describe("the worked example", () => {
    const sheets = programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE);

    test("partners in the quarterly data are active (or exited); the thesis is signed off before them", () => {
      const landscape = tableOf(sheets, "tblLandscape");
      const status = new Map(landscape.rows.map((r) => [r[0], r[6]] as const));
      for (const q of SAMPLE_QUARTERS)
        expect(["Active", "Exited"]).toContain(status.get(q.partner));
      expect(status.get("Saltmarsh Digital")).toBe("Exited");
      const signOff = tableOf(sheets, "tblSignOff").rows[0]!;
      expect(signOff[0]).toBe("Maya Okafor, CPO");
      const signed = readDate(signOff[1]);
      expect(signed.ok && signed.value.getTime()).toBeLessThan(TODAY.getTime());
      const findings = checkLandscape(
        landscape.rows.map((_, i) => ({
          partner: column(landscape, "Partner")[i]!,
          status: column(landscape, "Status")[i]!,
        })),
        signed.ok ? { by: String(signOff[0]), date: signed.value } : undefined,
        "Landscape"
      );
      expect(findings).toEqual([]);
    });

    test("it passes the playbook's quality rules: Finance input, RACI, OKR indicators, fresh maps, sponsors", () => {
      const decisions = tableOf(sheets, "tblDecisions");
      const log = decisions.rows.map((_, i) => ({
        id: column(decisions, DECISION_LOG_COLUMNS.id)[i]!,
        capability: column(decisions, DECISION_LOG_COLUMNS.capability)[i]!,
        decision: { value: null, cell: "" },
        partnerConsidered: column(decisions, DECISION_LOG_COLUMNS.partnerConsidered)[i]!,
        financeInput: column(decisions, DECISION_LOG_COLUMNS.financeInput)[i]!,
      }));
      expect(checkDecisionLog(log, TODAY, "Decisions")).toEqual([]);

      const raci = tableOf(sheets, "tblRACI");
      expect(
        checkRaci(
          raci.rows.map((row, r) => ({
            decision: { value: row[0], cell: `A${r}` },
            letters: row.slice(1, 7).map((value) => ({ value, cell: "" })),
          })),
          "RACI"
        )
      ).toEqual([]);

      const okrs = tableOf(sheets, "tblOKRs");
      // Words and targets computed from the settings read as the domain's (LibreOffice checks the formulas).
      const shown = okrEntries(DEFAULT_PROGRAM_SETTINGS);
      const okrCells = (h: string, computed: (i: number) => unknown) =>
        column(okrs, h).map((cell, i) =>
          isFormula(okrs.rows[i]![okrs.columns.findIndex((c) => c.header === h)]!)
            ? { ...cell, value: computed(i) }
            : cell
        );
      const objectives = okrCells("Objective", (i) => shown[i]!.objective);
      const keyResults = okrCells("Key Result", (i) => shown[i]!.keyResult);
      const targets = okrCells("Target", (i) => shown[i]!.target);
      expect(
        checkOkrs(
          okrs.rows.map((_, i) => ({
            objective: objectives[i]!,
            keyResult: keyResults[i]!,
            indicator: column(okrs, "Leading or Lagging")[i]!,
            target: targets[i]!,
            current: column(okrs, "Current")[i]!,
          })),
          "OKRs"
        )
      ).toEqual([]);

      const competitors = tableOf(sheets, "tblCompetitors");
      expect(
        checkCompetitorMap(
          competitors.rows.map((_, i) => ({
            competitor: column(competitors, "Competitor")[i]!,
            model: column(competitors, "Partnership Model")[i]!,
            lastRefreshed: column(competitors, "Last Refreshed")[i]!,
          })),
          TODAY,
          "Competitors"
        )
      ).toEqual([]);

      const roadmap = tableOf(sheets, "tblRoadmap");
      expect(
        checkRoadmap(
          roadmap.rows.map((_, i) => ({
            milestone: column(roadmap, "Milestone")[i]!,
            status: column(roadmap, "Status")[i]!,
            due: column(roadmap, "Due")[i]!,
            lastReviewed: column(roadmap, "Last Reviewed")[i]!,
          })),
          TODAY,
          "Roadmap"
        )
      ).toEqual([]);

      const latest = SAMPLE_QUARTERS.reduce((a, q) => (q.quarter > a ? q.quarter : a), "");
      const platinum = SAMPLE_QUARTERS.filter(
        (q) => q.quarter === latest && q.recordedTier === "Platinum"
      );
      expect(platinum.length).toBeGreaterThan(0);
      const executives = tableOf(sheets, "tblExecutives");
      const execCells = (h: string) => column(executives, h);
      expect(
        checkExecutiveMap(
          executives.rows.map((_, i) => ({
            partner: execCells("Partner")[i]!,
            counterpart: execCells("Our Counterpart")[i]!,
            cadence: execCells("Relationship Cadence")[i]!,
            lastMeeting: execCells("Last Meeting")[i]!,
          })),
          platinum.map((q) => ({ name: q.partner, sheet: "Quarterly", cell: "A1" })),
          TODAY,
          "Executives"
        )
      ).toEqual([]);
    });
  });

  describe("a blank program", () => {
    const plan = assembleProgram(
      programSheets(OTHER, "portable", TODAY, BLANK_DATA),
      "portable",
      BLANK_DATA
    );
    const sheets = plan.sheets;
    const DATA_TABLES = [
      "tblLandscape",
      "tblScoring",
      "tblCompetitors",
      "tblDecisions",
      "tblExecutives",
    ];

    test("the data tables hold one row to fill in: blank where the analyst types, formulas elsewhere", () => {
      for (const name of DATA_TABLES) {
        const table = tableOf(sheets, name);
        expect({ name, rows: table.rows.length }).toEqual({ name, rows: 1 });
        const [row] = table.rows;
        const typed = row!.filter((cell) => !isFormula(cell));
        expect({ name, typed }).toEqual({ name, typed: typed.map(() => null) });
        expect(row!.some(isFormula)).toBe(true);
      }
    });

    test("no quarterly data and so no tier review; the thesis to answer and sign off", () => {
      expect(tableOf(sheets, "tblQuarterly").rows).toEqual([]);
      expect(tableOf(sheets, "tblTierReview").rows).toEqual([]);
      expect(tableOf(sheets, "tblRationale").rows.every((r) => r[2] === null)).toBe(true);
      expect(tableOf(sheets, "tblSignOff").rows).toEqual([[null, null]]);
    });

    test("the program's own content is the playbook's and the settings'", () => {
      const full = assembleProgram(
        programSheets(OTHER, "portable", TODAY, SAMPLE),
        "portable",
        SAMPLE
      );
      for (const name of [
        "tblSettings",
        "tblThesis",
        "tblModels",
        "tblTiers",
        "tblTierRules",
        "tblWeights",
        "tblOKRs",
        "tblRoadmap",
        "tblRACI",
        "tblCadences",
      ]) {
        expect({ name, rows: tableOf(sheets, name).rows }).toEqual({
          name,
          rows: tableOf(full.sheets, name).rows,
        });
      }
      expect(tableOf(sheets, "tblModels").rows).toHaveLength(7);
    });

    test("with the sample company's settings it is as blank", () => {
      const own = programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, BLANK_DATA);
      for (const name of ["tblLandscape", "tblCompetitors", "tblDecisions", "tblExecutives"])
        expect(tableOf(own, name).rows).toEqual(tableOf(sheets, name).rows);
    });
  });
});
