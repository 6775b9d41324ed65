import "@testing-library/jest-dom";
import { TextDecoder, TextEncoder } from "util";

// Every browser the task pane runs in has these; jsdom does not, and the Excel host measures requests with them.
Object.assign(globalThis, { TextEncoder, TextDecoder });
