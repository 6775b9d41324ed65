/**
 * Small pieces of hand-written scanners. The parsers of cell text use them instead of regular expressions
 * with adjacent optional parts (`\s*\$?\s*`), which backtrack quadratically: a 32,767-character cell of
 * spaces took seconds, in a runtime Office restarts after five seconds of silence. Each is one pass.
 */

/** The characters JavaScript's `\s` matches. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** The index of the first character at or after `i` that is not a space. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the digits starting at `i` (`i` itself when there are none). */
export function skipDigits(text: string, i: number): number {
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}
