import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { BrowserWorkbookHost } from "./browserWorkbookHost";
import { ExcelWorkbookHost } from "./excelWorkbookHost";
import { WorkbookHost } from "./workbookHost";

// Outside Office, onReady resolves at once with host null and office.js never defines Excel.
const inExcel = (info: { host: Office.HostType | null }): boolean =>
  info.host === Office.HostType.Excel && typeof Excel !== "undefined";

function render(host: WorkbookHost): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

Office.onReady((info) =>
  render(inExcel(info) ? new ExcelWorkbookHost() : new BrowserWorkbookHost())
);
