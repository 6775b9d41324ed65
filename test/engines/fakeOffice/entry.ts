/**
 * A simulated Office for the built task pane in Chromium: Office.onReady resolves with host Excel, and Excel.run is
 * the recording fake of test/support, on a workbook with one empty sheet whose B2 is selected. Bundled for the
 * browser by bundle.ts and injected before the page's scripts; the test reads the fake's grid through
 * `window.recordingExcel`. The fake does not calculate: formula cells read as blank.
 */
import { RecordingExcel } from "../../support/recordingExcel";

const excel = new RecordingExcel([{ name: "Sheet1" }], () => "");
excel.activeSheet = "Sheet1";
excel.selection = { sheet: "Sheet1", address: "B2" };

const info = { host: "Excel", platform: "OfficeOnline" };

Object.assign(window, {
  recordingExcel: excel,
  Office: {
    HostType: { Excel: "Excel" },
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: { requirements: { isSetSupported: () => true } },
  },
  Excel: { run: excel.run },
  CustomFunctions: { associate: () => undefined },
});
