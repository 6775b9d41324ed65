import fc from "fast-check";
import {
  checkRaci,
  RACI_DECISIONS,
  RACI_ROLES,
  raciCheck,
  raciProblems,
} from "../../../src/domain/raci";

describe("RACI (§6.1)", () => {
  test("the playbook's roles and decisions, every row valid", () => {
    expect(RACI_ROLES).toEqual([
      "CPO",
      "VP Alliance GTM",
      "Director Partner Dev",
      "Director Partner Ops",
      "Finance",
      "Legal",
    ]);
    expect(RACI_DECISIONS.map((d) => d.decision)).toEqual([
      "New partnership approval",
      "Tier promotion/demotion",
      "Commercial terms approval",
      "Deal registration approval",
      "MDF allocation",
      "Partner exit decision",
    ]);
    expect(
      RACI_DECISIONS.find((d) => d.decision === "Deal registration approval")?.letters
    ).toEqual(["I", "A", "I", "R", "I", "I"]);
    for (const d of RACI_DECISIONS) expect(raciCheck(d.letters)).toBe("OK");
  });

  test.each([
    [["A", "C", "R", "I", "C", "C"], "OK"],
    [["a", " r ", "", null, "c", "i"], "OK"],
    [["C", "C", "R", "I", "C", "C"], "no Accountable"],
    [["A", "C", "R", "I", "A", "C"], "2 Accountable (CPO, Finance)"],
    [["A", "A", "R", "I", "A", "C"], "3 Accountable (CPO, VP Alliance GTM, Finance)"],
    [["A", "C", "C", "I", "C", "C"], "no Responsible"],
    [["A", "C", "R", "I", "C", "X"], 'bad letter "X" for Legal (use R, A, C or I)'],
    [
      ["A/R", "C", "C", "I", "C", 1],
      'no Accountable; no Responsible; bad letter "A/R" for CPO (use R, A, C or I); bad letter 1 for Legal (use R, A, C or I)',
    ],
    [[], "no Accountable; no Responsible"],
    [["A", "R", "C", "I", "I", "I", "Q"], 'bad letter "Q" for column 7 (use R, A, C or I)'],
  ])("%j → %s", (letters, answer) => {
    expect(raciCheck(letters)).toBe(answer);
  });

  test("exactly one A is the boundary: zero and two are both wrong", () => {
    const row = (a: number) => ["R", ...Array(a).fill("A"), ...Array(5 - a).fill("I")];
    expect(raciProblems(row(1))).toEqual([]);
    expect(raciProblems(row(0))).toEqual([{ kind: "noAccountable" }]);
    expect(raciProblems(row(2))[0]).toEqual({
      kind: "severalAccountable",
      roles: ["VP Alliance GTM", "Director Partner Dev"],
    });
  });

  test("names the roles it is given", () => {
    expect(raciCheck(["A", "A"], ["CEO", "CFO"])).toBe("2 Accountable (CEO, CFO); no Responsible");
  });

  test("never throws on arbitrary input, and answers OK exactly for one A and at least one R", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 12 }), (letters) => {
        const answer = raciCheck(letters);
        return typeof answer === "string" && answer.length > 0;
      })
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("R", "A", "C", "I", "", null), { maxLength: 8 }),
        (letters) => {
          const a = letters.filter((l) => l === "A").length;
          const r = letters.filter((l) => l === "R").length;
          return (raciCheck(letters) === "OK") === (a === 1 && r >= 1);
        }
      )
    );
  });

  test("one finding per row that breaks the rule, as the Check column counts: at its first bad letter, else at the decision", () => {
    const row = (decision: string, letters: unknown[], r: number) => ({
      decision: { value: decision, cell: `A${r}` },
      letters: letters.map((value, i) => ({ value, cell: `${String.fromCharCode(66 + i)}${r}` })),
    });
    const findings = checkRaci(
      [
        row("New partnership approval", ["A", "C", "R", "I", "C", "C"], 2),
        row("MDF allocation", ["A", "C", "I", "R", "A", "Z"], 3),
        row("", ["", "", "", "", "", ""], 4),
        row("Partner exit decision", ["C", "C", "C", "C", "I", "C"], 5),
      ],
      "RACI"
    );
    const rule =
      "every decision needs exactly one Accountable and at least one Responsible, and only the letters R, A, C, I";
    expect(findings).toEqual([
      {
        severity: "error",
        rule: "quality.raci",
        sheet: "RACI",
        cell: "G3",
        message: `MDF allocation: 2 Accountable (CPO, Finance); bad letter "Z" for Legal (use R, A, C or I); ${rule}`,
      },
      {
        severity: "error",
        rule: "quality.raci",
        sheet: "RACI",
        cell: "A5",
        message: `Partner exit decision: no Accountable; no Responsible; ${rule}`,
      },
    ]);
  });
});
