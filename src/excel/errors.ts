/** A failure of the Excel host, with a message an analyst can act on; `code` is Excel's error code, or "Unknown". */
export class HostError extends Error {
  override readonly name = "HostError";

  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions
  ) {
    super(message, options);
  }
}

const TOO_LARGE =
  "The change was too large for Excel to accept in one go. Try again with fewer rows, or in Excel for the desktop.";

/** Excel's error codes (OfficeExtension.Error.code) in words; any other code gets a generic message with the code. */
const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Finish editing the cell, then try again.",
  AccessDenied:
    "Excel did not allow the change: the workbook or a sheet is protected or read-only. " +
    "Unprotect it (Review > Unprotect) or open an editable copy, then try again.",
  ItemAlreadyExists:
    "A sheet or table with a name this add-in uses already exists (names are compared ignoring case). " +
    "Rename it, then try again.",
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  GeneralException:
    "Excel could not complete the change. Save your work, close and reopen the workbook, then try again.",
};

/** The Office error code of `e`, read structurally: OfficeExtension is not loaded outside Office (and in tests). */
export function officeCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  const code = officeCode(e);
  if (code === undefined) {
    return new HostError(`Something went wrong while changing the workbook: ${detail}`, "Unknown", {
      cause: e,
    });
  }
  const sentence = /[.!?]$/.test(detail) ? detail : `${detail}.`;
  const message =
    MESSAGES[code] ??
    `Excel reported an error (${code}): ${sentence} Try again; if it happens again, report the code.`;
  return new HostError(message, code, { cause: e });
}
