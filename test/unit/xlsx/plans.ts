import { TablePlan, WorkbookPlan } from "../../../src/workbook/plan";

/** A hand-made plan exercising every feature of the file host: two sheets, an empty table, tricky text. */
export const PARTNERS: TablePlan = {
  name: "tblPartners",
  topLeft: { row: 2, column: 1 },
  columns: [
    { header: "Partner", width: 28, numberFormat: "@", description: "The partner's legal name." },
    {
      header: "Type",
      width: 14,
      validation: { kind: "list", values: ["Big 4", "GSI", 'Say "hi"'], message: "Pick a type." },
    },
    {
      header: "Rating",
      width: 10,
      numberFormat: "0",
      validation: { kind: "decimal", min: 0, max: 100, message: "Rating is 0 to 100." },
      conditionalFormats: [
        { kind: "atLeast", value: 75, tone: "good" },
        { kind: "between", min: 50, max: 74, tone: "warning" },
        { kind: "lessThan", value: 50, tone: "error" },
      ],
    },
    {
      header: "Certified",
      width: 10,
      validation: { kind: "whole", min: 0, max: 500, message: "Certified people: a whole number." },
    },
    {
      header: "Double",
      width: 12,
      numberFormat: "0.0",
      conditionalFormats: [{ kind: "textEquals", text: "Priority", tone: "good" }],
    },
    { header: "Active", width: 8 },
  ],
  rows: [
    ["=SUM(A1:A9)", "Big 4", 80, 3, { formula: "=tblPartners[[#This Row],[Rating]]*2" }, true],
    ["+44 Advisory", "GSI", 49.5, 0, { formula: "=tblPartners[[#This Row],[Rating]]*2" }, false],
    ["-minus", null, null, null, { formula: "=tblPartners[[#This Row],[Rating]]*2" }, null],
    ["@mention", 'Say "hi"', 0, 1, { formula: "=tblPartners[[#This Row],[Rating]]*2" }, true],
  ],
};

export const EMPTY: TablePlan = {
  name: "tblEmpty",
  topLeft: { row: 0, column: 0 },
  columns: [
    { header: "Quarter", width: 10, numberFormat: "@" },
    { header: "Pipeline", width: 14, numberFormat: "$#,##0" },
  ],
  rows: [],
};

export const PLAN: WorkbookPlan = {
  sheets: [
    {
      name: "Partners",
      freezeRows: 3,
      cells: [
        { at: { row: 0, column: 0 }, value: "Partner list", style: "title" },
        { at: { row: 1, column: 0 }, value: "=Not a formula, a note", style: "note" },
        {
          at: { row: 1, column: 4 },
          value: { formula: "=COUNTA(tblPartners[Partner])" },
          style: "label",
        },
      ],
      tables: [PARTNERS],
    },
    { name: "Tier Review", freezeRows: 0, cells: [], tables: [EMPTY] },
  ],
};
