import "@testing-library/jest-dom";
import { TextDecoder, TextEncoder } from "util";

// Every browser the task pane runs in has these; jsdom does not, and the Excel host measures requests with them.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Blob.arrayBuffer is in every browser the task pane runs in (it reads a picked file with it); jsdom lacks it.
if (typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
