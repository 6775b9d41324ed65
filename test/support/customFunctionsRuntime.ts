/**
 * The `CustomFunctions` global as office.js's custom-functions runtime defines it
 * (@microsoft/office-js/dist/custom-functions-runtime.debug.js): `Error` is a subclass of the JavaScript Error
 * with a `code` (default #VALUE!) and a `message`, and ErrorCode maps names to the codes Excel shows.
 * `associate` records what register.ts binds. Importing this module installs it on globalThis. Free of jest:
 * `npm run bench` calls the registered functions through it too.
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

export class CustomFunctionError extends Error {
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
