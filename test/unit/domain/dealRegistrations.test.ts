import {
  readTimestamp,
  responseBusinessDays,
  responseHours,
  slaCompliance,
  slaOutcome,
} from "../../../src/domain/dealRegistrations";
import { mdfRoi } from "../../../src/domain/mdf";

/** "2026-03-06 09:00" as serial days, the way a cell holds it. */
const at = (text: string): number => {
  const t = readTimestamp(text);
  if (!t.ok) throw new Error(`not a timestamp: ${text}`);
  return t.value;
};

describe("deal registration response times (§5.1, §3.1)", () => {
  test("timestamps as numbers, dates and text; anything else is named", () => {
    expect(at("2026-03-06")).toBe(46087);
    expect(at("2026-03-06 12:00")).toBe(46087.5);
    expect(readTimestamp(new Date(Date.UTC(2026, 2, 6, 18)))).toEqual({
      ok: true,
      value: 46087.75,
    });
    expect(readTimestamp(46087.25)).toEqual({ ok: true, value: 46087.25 });
    expect(readTimestamp("2026-02-30 10:00").ok).toBe(false);
    expect(readTimestamp("tomorrow")).toEqual({
      ok: false,
      error: { kind: "notATimestamp", value: "tomorrow" },
    });
    expect(readTimestamp(null)).toEqual({ ok: false, error: { kind: "blank" } });
  });

  test("hours are calendar hours, to the second: exactly 48 hours meets the SLA, a second more breaks it", () => {
    const submitted = at("2026-03-06 09:00");
    expect(responseHours(submitted, at("2026-03-08 09:00"))).toBe(48);
    expect(slaOutcome({ submitted, decided: at("2026-03-08 09:00") }, 48, 0)).toBe("met");
    expect(slaOutcome({ submitted, decided: at("2026-03-08 09:00") + 1 / 86_400 }, 48, 0)).toBe(
      "breached"
    );
  });

  test("business days skip the weekend: a Friday registration decided the next Friday took 5", () => {
    // 2026-03-06 is a Friday.
    const friday = at("2026-03-06 16:00");
    expect(responseBusinessDays(friday, at("2026-03-06 17:00"))).toBe(0);
    expect(responseBusinessDays(friday, at("2026-03-08 10:00"))).toBe(0); // Sunday
    expect(responseBusinessDays(friday, at("2026-03-09 08:00"))).toBe(1); // Monday
    expect(responseBusinessDays(friday, at("2026-03-13 08:00"))).toBe(5); // next Friday: within 5
    expect(responseBusinessDays(friday, at("2026-03-16 08:00"))).toBe(6); // Monday after: late
    expect(responseBusinessDays(friday, at("2026-04-06 08:00"))).toBe(21);
  });

  test("a pending registration is open within the SLA and a breach past it", () => {
    const submitted = at("2026-03-06 09:00");
    const pending = { submitted, decided: undefined };
    expect(slaOutcome(pending, 48, at("2026-03-08 09:00"))).toBe("open");
    expect(slaOutcome(pending, 48, at("2026-03-08 09:01"))).toBe("breached");
  });

  test("compliance: met of due, pending ones within the SLA not yet due; none due is no figure", () => {
    const asOf = at("2026-03-10 12:00");
    const registrations = [
      { submitted: at("2026-03-01 09:00"), decided: at("2026-03-02 09:00") }, // met
      { submitted: at("2026-03-01 09:00"), decided: at("2026-03-04 09:00") }, // 72 h: breached
      { submitted: at("2026-03-05 09:00"), decided: undefined }, // pending past 48 h: breached
      { submitted: at("2026-03-10 09:00"), decided: undefined }, // pending 3 h: open
      { submitted: at("2026-03-09 09:00"), decided: at("2026-03-11 09:00") }, // exactly 48 h: met
    ];
    expect(slaCompliance(registrations, 48, asOf)).toEqual({ met: 2, due: 4, share: 0.5 });
    expect(slaCompliance([registrations[3]!], 48, asOf)).toEqual({
      met: 0,
      due: 0,
      share: undefined,
    });
  });
});

describe("MDF return (§3.1, §5.2)", () => {
  test("revenue per MDF dollar paid, money read as analysts write it", () => {
    expect(mdfRoi("$1,200,000", 300_000)).toEqual({ ok: true, value: 4 });
    expect(mdfRoi(0, 50_000)).toEqual({ ok: true, value: 0 });
  });

  test.each([
    [
      1_000_000,
      0,
      "mdfPaid is 0: nothing was paid, so there is no return per MDF dollar to measure",
    ],
    [
      1_000_000,
      0.001,
      "mdfPaid is 0.001: nothing was paid, so there is no return per MDF dollar to measure",
    ],
    [-5, 100, "sourcedRevenue -5 is negative"],
    ["lots", 100, 'sourcedRevenue "lots" is not a number'],
  ])("%p over %p is refused: %s", (revenue, paid, message) => {
    expect(mdfRoi(revenue, paid)).toEqual({ ok: false, error: message });
  });
});
