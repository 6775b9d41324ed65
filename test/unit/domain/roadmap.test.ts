import { formatDate } from "../../../src/domain/cells";
import { RACI_ROLES } from "../../../src/domain/raci";
import { checkRoadmap, roadmapEntries, WORKSTREAMS } from "../../../src/domain/roadmap";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("roadmap (§5.2)", () => {
  const entries = roadmapEntries(DEFAULT_PROGRAM_SETTINGS);

  test("four quarters of the program year, their themes and milestones", () => {
    const count = (q: string) => entries.filter((e) => e.quarter === q).length;
    expect([count("2027-Q1"), count("2027-Q2"), count("2027-Q3"), count("2027-Q4")]).toEqual([
      4, 5, 5, 5,
    ]);
    expect([...new Set(entries.map((e) => `${e.quarter} ${e.theme}`))]).toEqual([
      "2027-Q1 Foundation",
      "2027-Q2 First Revenue",
      "2027-Q3 Scale",
      "2027-Q4 Acceleration",
    ]);
    expect(entries[0]).toEqual({
      quarter: "2027-Q1",
      theme: "Foundation",
      workstream: "Strategy",
      milestone: "Finalize partnership thesis and tier framework",
      owner: "CPO",
      status: "Not started",
      due: d("2027-03-31"),
    });
    expect(entries.map((e) => formatDate(e.due))).toContain("2027-12-31");
  });

  test("the playbook's [X] are filled from the settings", () => {
    const milestones = entries.map((e) => e.milestone);
    expect(milestones).toContain(
      "Partner-sourced pipeline > $5,000,000 (first meaningful contribution)"
    );
    expect(milestones).toContain("Partner-sourced ARR hits 10% of total ARR");
    expect(milestones).toContain("Sign 2 Gold partners from boutique consultancy tier");
  });

  test("every milestone has a workstream and an owner from the RACI roles", () => {
    for (const e of entries) {
      expect(WORKSTREAMS).toContain(e.workstream);
      expect(RACI_ROLES).toContain(e.owner);
    }
  });

  const row = (
    r: number,
    milestone: unknown,
    status: unknown,
    due: unknown,
    lastReviewed: unknown
  ) => ({
    milestone: { value: milestone, cell: `D${r}` },
    status: { value: status, cell: `F${r}` },
    due: { value: due, cell: `G${r}` },
    lastReviewed: { value: lastReviewed, cell: `H${r}` },
  });
  const today = d("2026-11-25");

  test.each([
    ["2026-08-25", []],
    [
      "2026-08-24",
      [
        "quality.roadmap-review H2 the roadmap was last reviewed on 2026-08-24, more than a quarter before 2026-11-25: the roadmap must be revisited quarterly",
      ],
    ],
    [
      null,
      [
        "quality.roadmap-review H2 the roadmap has no review date: the roadmap must be revisited quarterly",
      ],
    ],
  ])("last reviewed %p, three months before 2026-11-25 is the boundary", (reviewed, expected) => {
    const findings = checkRoadmap(
      [row(2, "Sign first Platinum partner agreement", "Done", "2026-09-30", reviewed)],
      today,
      "Roadmap"
    );
    expect(findings.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual(expected);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });

  test("the latest review of any row counts", () => {
    const findings = checkRoadmap(
      [
        row(2, "A", "Done", "2026-09-30", "2026-01-10"),
        row(3, "B", "In progress", "2027-Q1", d("2026-10-01")),
      ],
      today,
      "Roadmap"
    );
    expect(findings).toEqual([]);
  });

  test("milestones past due and not done, unreadable statuses and dates", () => {
    const findings = checkRoadmap(
      [
        row(2, "First partner QBR completed", "At risk", "2026-Q3", "2026-11-01"),
        row(3, "Stand up partner portal", "Done", "2026-06-30", null),
        row(4, "Publish whitepaper", "Stalled", "soon", "last week"),
        row(5, "Annual Partner Summit", "Not started", "2026-11-25", null),
      ],
      today,
      "Roadmap"
    );
    expect(findings.map((f) => [f.severity, f.rule, f.cell, f.message])).toEqual([
      [
        "warning",
        "roadmap.overdue",
        "G2",
        "First partner QBR completed was due on 2026-09-30 and is At risk",
      ],
      [
        "error",
        "roadmap.bad-value",
        "F4",
        'Publish whitepaper: "Stalled" is not a status; use Not started, In progress, Done, At risk',
      ],
      [
        "error",
        "roadmap.bad-value",
        "G4",
        'Publish whitepaper: Due "soon" is not a date or a quarter (write 2027-03-31 or 2027-Q1)',
      ],
      [
        "error",
        "roadmap.bad-value",
        "H4",
        'Publish whitepaper: Last Reviewed "last week" is not a date (write it as 2026-03-31 or enter a date)',
      ],
    ]);
  });

  test("an empty roadmap has nothing to cite", () => {
    expect(checkRoadmap([row(2, null, null, null, null)], today, "Roadmap")).toEqual([]);
  });
});
