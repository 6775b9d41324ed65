import { Finding } from "../domain/findings";

export const FINDINGS_TABLE_HEADER = [
  "Severity",
  "Rule",
  "Rule ID",
  "Sheet",
  "Cell",
  "Partner",
  "Quarter",
  "Message",
] as const;

const SEVERITY_WORD = { error: "Error", warning: "Warning", info: "Note" } as const;

/** A tab or line break inside a field would split it into two cells or rows when pasted. */
const field = (text: string): string => text.replace(/[\t\r\n]+/g, " ");

/**
 * The findings as tab-separated rows under a header, as Excel and other spreadsheets paste them: one finding a row,
 * its rule by title and by the id validate --skip takes.
 */
export function findingsTable(
  findings: readonly Finding[],
  ruleTitle: (id: string) => string
): string {
  const rows = [FINDINGS_TABLE_HEADER.join("\t")];
  for (const f of findings) {
    rows.push(
      [
        SEVERITY_WORD[f.severity],
        ruleTitle(f.rule),
        f.rule,
        f.sheet,
        f.cell,
        f.partner ?? "",
        f.quarter ?? "",
        f.message,
      ]
        .map(field)
        .join("\t")
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}

/**
 * Puts text on the clipboard: the Clipboard API where the page may use it, else the copy command on a selected
 * text area (Office's task pane frames do not always grant clipboard-write).
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the copy command.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("The browser refused to copy to the clipboard.");
}
