/**
 * The custom-functions runtime of test/support (importing this module installs it on globalThis), and how the
 * tests read what a function returns or throws.
 */
import { CustomFunctionError } from "../../support/customFunctionsRuntime";

export { associated } from "../../support/customFunctionsRuntime";

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
