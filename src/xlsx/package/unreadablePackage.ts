/**
 * Why a package cannot be read, in words a user can act on: "its part xl/worksheets/sheet2.xml is not XML".
 * Readers show it after the file's name, so it is one line and never carries a library's own message.
 */
export class UnreadablePackage extends Error {
  override readonly name = "UnreadablePackage";
}

/** A part that is missing, not XML, or cannot be unpacked. */
export const damagedPart = (part: string, problem: string): UnreadablePackage =>
  new UnreadablePackage(`its part ${printable(part)} ${problem}`);

/** Characters that would break the one line a message is. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to show escaped
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A part name as one printable line: a zip may name a part with any characters. */
const printable = (name: string): string =>
  name.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
