import { SAMPLE_COMPETITORS } from "../../../src/domain/competitors";
import { LANDSCAPE_COLUMNS, PARTNER_STATUSES } from "../../../src/domain/landscape";
import { PARTNERSHIP_MODELS } from "../../../src/domain/models";
import { PARTNER_TYPES } from "../../../src/domain/partners";
import { attractivenessScore, parseRatings } from "../../../src/domain/scoring";
import {
  landscapePartners,
  landscapeSheetPlan,
  lockedToFormula,
  MODEL_BY_TYPE,
  RANK_ORDER_CELL,
  rankOrderFormula,
  recruitmentKeyFormula,
  recruitmentRankFormula,
  TBL_LANDSCAPE,
  TIER_BY_TYPE,
} from "../../../src/workbook/landscapeSheet";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";

const competitors = SAMPLE_COMPETITORS.map((c) => ({ ...c, lastRefreshed: undefined }));
const partners = landscapePartners(SAMPLE_PARTNERS, competitors, () => "Prospect");
const table = landscapeSheetPlan(partners).tables[0]!;

const score = (name: string): number | undefined => {
  const ratings = parseRatings(SAMPLE_PARTNERS.find((p) => p.name === name)!.ratings);
  return ratings.ok ? attractivenessScore(ratings.value) : undefined;
};

describe("Landscape sheet plan", () => {
  test("tblLandscape: §2.1's columns, then the score, band, recruitment rank and its key", () => {
    expect(table.name).toBe(TBL_LANDSCAPE);
    expect(table.columns.map((c) => c.header)).toEqual([
      ...Object.values(LANDSCAPE_COLUMNS),
      "Score",
      "Band",
      "Recruitment Rank",
      "Rank Key",
    ]);
    const list = (header: string) => table.columns.find((c) => c.header === header)!.validation;
    expect(list("Type")).toMatchObject({ kind: "list", values: PARTNER_TYPES });
    expect(list("Target Tier")).toMatchObject({ kind: "list", values: ["A", "B", "C"] });
    expect(list("Model")).toMatchObject({ kind: "list", values: PARTNERSHIP_MODELS });
    expect(list("Status")).toMatchObject({ kind: "list", values: PARTNER_STATUSES });
  });

  test("every scored partner appears once, with the playbook's tier and model for its type", () => {
    expect(new Set(partners.map((p) => p.partner))).toEqual(
      new Set(SAMPLE_PARTNERS.map((p) => p.name))
    );
    for (const p of partners) {
      expect(p.tier).toBe(TIER_BY_TYPE[p.type]);
      expect(p.model).toBe(MODEL_BY_TYPE[p.type]);
    }
    expect(partners.find((p) => p.partner === "Deloitte")).toMatchObject({
      tier: "A",
      practice: "Digital, Risk, Technology",
      geography: "Global",
      model: "Co-Sell",
    });
  });

  test("under-served partners first, by score; those a competitor has locked last", () => {
    const locked = ["Deloitte", "Accenture", "KPMG", "Infosys", "Kestrel Data Platform"];
    const names = partners.map((p) => p.partner);
    expect(new Set(names.slice(-locked.length))).toEqual(new Set(locked));
    const free = names.slice(0, -locked.length).filter((n) => score(n) !== undefined);
    const scores = free.map((n) => score(n)!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(names[names.length - locked.length - 1]).toBe("Tessellate Identity"); // not yet rated
  });

  test("the lock, score, band and rank are formulas over tblCompetitors, tblScoring and the table itself", () => {
    expect(table.rows[0]!.slice(9)).toEqual([
      lockedToFormula,
      {
        formula:
          '=IFERROR(INDEX(tblScoring[Score],MATCH(tblLandscape[[#This Row],[Partner]],tblScoring[Partner],0)),"")',
      },
      {
        formula:
          '=IFERROR(INDEX(tblScoring[Band],MATCH(tblLandscape[[#This Row],[Partner]],tblScoring[Partner],0)),"")',
      },
      recruitmentRankFormula,
      recruitmentKeyFormula,
    ]);
    expect(lockedToFormula.formula).toContain("tblCompetitors[Key Partners]");
    expect(recruitmentRankFormula.formula).not.toMatch(/PS\./);
    // Rows in rank order are ranked by position; the column is scanned per row only when they are not.
    expect(recruitmentRankFormula.formula).toMatch(
      /^=IF\(LEN\(tblLandscape\[\[#This Row\],\[Partner\]\]\)=0,"",IF\(\$N\$2,ROW\(\)-ROW\(INDEX\(tblLandscape\[Rank Key\],1\)\)\+1,COUNTIF/
    );
    expect(recruitmentKeyFormula.formula).not.toMatch(/SUMPRODUCT|COUNTIF|RANK/);
    // The order cell sits right above the Rank Key column, wherever the table puts it.
    const keyColumn = table.columns.findIndex((c) => c.header === "Rank Key");
    expect(RANK_ORDER_CELL).toEqual({
      row: table.topLeft.row - 1,
      column: table.topLeft.column + keyColumn,
    });
    expect(landscapeSheetPlan(partners).cells).toContainEqual({
      at: RANK_ORDER_CELL,
      value: rankOrderFormula,
      style: "note",
    });
  });
});
