import { formatDate } from "../../../src/domain/cells";
import {
  CADENCES,
  checkExecutiveMap,
  isOverdue,
  nextMeetingDue,
  PLAYBOOK_EXECUTIVES,
  readCadence,
} from "../../../src/domain/executives";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("executive relationship map (§6.2)", () => {
  test("the playbook's cadences and examples", () => {
    expect(readCadence("Monthly 1:1 + QBR")?.months).toBe(1);
    expect(readCadence("quarterly + annual summit")?.months).toBe(3);
    expect(readCadence("QBR")?.name).toBe("Quarterly");
    expect(readCadence("Fortnightly")).toBeUndefined();
    for (const e of PLAYBOOK_EXECUTIVES) expect(readCadence(e.cadence)?.name).toBe(e.cadence);
    expect(CADENCES.map((c) => c.months)).toEqual([1, 1, 3, 3, 6, 12]);
  });

  test("next due is the last meeting plus the cadence's interval; overdue from the next day", () => {
    const monthly = readCadence("Monthly 1:1 + QBR")!;
    expect(formatDate(nextMeetingDue(d("2026-10-31"), monthly))).toBe("2026-11-30");
    expect(formatDate(nextMeetingDue(d("2026-09-15"), readCadence("Annual")!))).toBe("2027-09-15");
    expect(isOverdue(d("2026-11-25"), d("2026-11-25"))).toBe(false);
    expect(isOverdue(d("2026-11-24"), d("2026-11-25"))).toBe(true);
  });

  const cell = (value: unknown, ref: string) => ({ value, cell: ref });
  const row = (
    r: number,
    partner: unknown,
    counterpart: unknown,
    cadence: unknown,
    lastMeeting: unknown
  ) => ({
    partner: cell(partner, `A${r}`),
    partnerExecutive: cell("VP Alliance", `B${r}`),
    counterpart: cell(counterpart, `C${r}`),
    cadence: cell(cadence, `D${r}`),
    lastMeeting: cell(lastMeeting, `E${r}`),
  });
  const today = d("2026-11-25");

  test("every Platinum partner has an executive sponsor with a cadence: one finding per Platinum partner, none for others", () => {
    const findings = checkExecutiveMap(
      [
        row(2, "Deloitte", "CPO", "Monthly 1:1 + QBR", "2026-11-01"),
        row(3, "Accenture", "", "Quarterly + Annual Summit", "2026-10-01"),
        row(4, "Kestrel Data Platform", "VP Alliance GTM", null, null),
        row(5, "EY", "CPO", null, null),
        row(6, "EY", "CPO", "Quarterly", null),
      ],
      [
        { name: "Deloitte", sheet: "Quarterly", cell: "J10" },
        { name: "accenture", sheet: "Quarterly", cell: "J14" },
        { name: "PwC", sheet: "Quarterly", cell: "J22" },
        { name: "PwC", sheet: "Quarterly", cell: "J23" },
        { name: "EY", sheet: "Quarterly", cell: "J30" },
      ],
      today,
      "Executives"
    );
    expect(findings).toEqual([
      {
        severity: "error",
        rule: "quality.executive-sponsor",
        sheet: "Executives",
        cell: "C3",
        partner: "Accenture",
        message:
          "Accenture is Platinum but has no executive sponsor (our counterpart): every Platinum partner needs an executive sponsor with a cadence",
      },
      {
        severity: "error",
        rule: "quality.executive-sponsor",
        sheet: "Quarterly",
        cell: "J22",
        partner: "PwC",
        message:
          "PwC is Platinum but has no row on the executive map: every Platinum partner needs an executive sponsor with a cadence",
      },
    ]);
  });

  test("overdue meetings, unknown cadences and unreadable dates", () => {
    const findings = checkExecutiveMap(
      [
        row(2, "Deloitte", "CPO", "Monthly 1:1 + QBR", "2026-10-24"),
        row(3, "Accenture", "CPO + CEO", "Quarterly + Annual Summit", d("2026-08-25")),
        row(4, "EY", "CPO", "Fortnightly", "2026-11-01"),
        row(5, "KPMG", "CPO", "Quarterly", "next week"),
      ],
      [],
      today,
      "Executives"
    );
    expect(findings.map((f) => [f.severity, f.rule, f.cell, f.message])).toEqual([
      [
        "warning",
        "executive.overdue",
        "E2",
        "Deloitte: the next Monthly 1:1 + QBR meeting was due on 2026-11-24 (last met 2026-10-24)",
      ],
      [
        "error",
        "executive.bad-value",
        "D4",
        'EY: "Fortnightly" is not a cadence; use Monthly 1:1 + QBR, Monthly, Quarterly + Annual Summit, Quarterly, Semi-annual, Annual',
      ],
      [
        "error",
        "executive.bad-value",
        "E5",
        'KPMG: Last Meeting "next week" is not a date (write it as 2026-03-31 or enter a date)',
      ],
    ]);
  });
});
