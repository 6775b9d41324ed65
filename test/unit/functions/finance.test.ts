import { shown } from "./customFunctionsRuntime";
import { mdfRoiFunction, slaComplianceFunction, slaHours } from "../../../src/functions/finance";

// Excel passes every matrix parameter as rows of cells: one value is [[v]]; a left-out argument is null.
const OMITTED = null as unknown as unknown[][];
const one = (v: unknown): unknown[][] => [[v]];
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const valueError = (message: string) => ({ code: "#VALUE!", message });
const notAvailable = (message: string) => ({ code: "#N/A", message });

/** Serial days of a UTC date and hour: what a date-time cell holds. 2026-03-06 is a Friday. */
const serial = (iso: string): number => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;

describe("PS.MDFROI", () => {
  test("revenue per MDF dollar, one row per partner; nothing paid is #VALUE! with a message", () => {
    expect(
      shown(() => mdfRoiFunction(column(1_200_000, 90_000, 5), column(300_000, 0, 5)))
    ).toEqual([
      [4],
      [
        valueError(
          "row 2: mdfPaid is 0: nothing was paid, so there is no return per MDF dollar to measure"
        ),
      ],
      [1],
    ]);
    expect(shown(() => mdfRoiFunction(one("$500,000"), one("$125,000")))).toEqual([[4]]);
  });
});

describe("PS.SLAHOURS", () => {
  test("calendar hours, or business days when asked; #N/A while pending", () => {
    const submitted = column(
      serial("2026-03-06T09:00"),
      serial("2026-03-06T16:00"),
      serial("2026-03-06T09:00")
    );
    const decided = column(serial("2026-03-08T09:00"), serial("2026-03-13T08:00"), null);
    expect(shown(() => slaHours(submitted, decided))).toEqual([
      [48],
      [160],
      [notAvailable("row 3: decided is blank: not decided yet")],
    ]);
    expect(shown(() => slaHours(submitted, decided, one(true)))).toEqual([
      [0],
      [5],
      [notAvailable("row 3: decided is blank: not decided yet")],
    ]);
  });

  test("text timestamps read; a decision before its submission and a non-date are named", () => {
    expect(shown(() => slaHours(one("2026-03-06 09:00"), one("2026-03-06 21:30")))).toEqual([
      [12.5],
    ]);
    expect(shown(() => slaHours(one("2026-03-07 09:00"), one("2026-03-06 09:00")))).toEqual(
      valueError("decided is before submitted: check the two dates")
    );
    expect(shown(() => slaHours(one("soon"), one("2026-03-06 09:00")))).toEqual(
      valueError('submitted "soon" is not a date and time (enter one, or write 2026-03-31 14:30)')
    );
  });
});

describe("PS.SLACOMPLIANCE", () => {
  const submitted = column(
    serial("2026-03-01T09:00"),
    serial("2026-03-01T09:00"),
    serial("2026-03-05T09:00"),
    serial("2026-03-10T09:00"),
    null
  );
  const decided = column(serial("2026-03-02T09:00"), serial("2026-03-04T09:00"), null, null, null);
  const asOf = one(serial("2026-03-10T12:00"));

  test("the share decided within the SLA of those due; a pending one past the SLA is a breach", () => {
    // Met, 72 hours, pending 5 days, pending 3 hours (not yet due), a blank row.
    expect(shown(() => slaComplianceFunction(submitted, decided, OMITTED, asOf))).toEqual([
      [1 / 3],
    ]);
    // With a 100-hour SLA the 72-hour one is met.
    expect(shown(() => slaComplianceFunction(submitted, decided, one(100), asOf))).toEqual([
      [2 / 3],
    ]);
  });

  test("nothing due yet is #N/A; ranges of different heights and bad SLAs are #VALUE!", () => {
    expect(
      shown(() =>
        slaComplianceFunction(column(serial("2026-03-10T09:00")), column(null), OMITTED, asOf)
      )
    ).toEqual(notAvailable("no registration is due yet: none decided, none pending past the SLA"));
    expect(shown(() => slaComplianceFunction(submitted, column(null), OMITTED, asOf))).toEqual(
      valueError("submittedRange has 5 cells but decidedRange has 1: one of each per registration")
    );
    expect(shown(() => slaComplianceFunction(submitted, decided, one(-1), asOf))).toEqual(
      valueError("slaHours -1 is not a positive number of hours")
    );
  });
});
