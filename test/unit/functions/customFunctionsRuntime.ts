/**
 * The `CustomFunctions` global as office.js's custom-functions runtime defines it
 * (@microsoft/office-js/dist/custom-functions-runtime.debug.js): `Error` is a subclass of the JavaScript Error
 * with a `code` (default #VALUE!) and a `message`, and ErrorCode maps names to the codes Excel shows.
 * `associate` records what register.ts binds. Importing this module installs it on globalThis.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionError extends Error {
  readonly code: string;
  constructor(code?: string, message?: string) {
    super(message || "");
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
    this.code = code || ErrorCode.invalidValue;
  }
}

/** Id → function, in the order register.ts associated them. */
export const associated = new Map<string, unknown>();

function associate(id: string, fn: unknown): void {
  if (associated.has(id)) throw new Error(`${id} is associated twice`);
  associated.set(id, fn);
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionError,
  ErrorCode,
  associate,
};

/** What Excel shows for a result or a thrown error: the value, or `{ code, message }` of an error. */
export type Shown = unknown;

const show = (v: unknown): Shown =>
  v instanceof CustomFunctionError ? { code: v.code, message: v.message } : v;

/** Calls a custom function the way the runtime does: a thrown CustomFunctions.Error becomes the cell's error. */
export function shown(call: () => unknown): Shown {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (e instanceof CustomFunctionError) return show(e);
    throw e;
  }
  return Array.isArray(result)
    ? result.map((row: unknown) => (Array.isArray(row) ? row.map(show) : show(row)))
    : show(result);
}

export const isCustomFunctionsError = (v: unknown): boolean => v instanceof CustomFunctionError;

/** Calls `f`; a thrown CustomFunctions.Error is a valid outcome, any other exception fails the property. */
export function cellsOrError(f: () => unknown): unknown[] {
  try {
    const result = f();
    expect(Array.isArray(result)).toBe(true);
    return (result as unknown[]).flatMap((row) => {
      expect(Array.isArray(row)).toBe(true);
      return row as unknown[];
    });
  } catch (e) {
    if (isCustomFunctionsError(e)) return [];
    throw e;
  }
}
