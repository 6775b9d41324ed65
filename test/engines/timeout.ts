// Every test and hook of the engines project starts LibreOffice or Chromium: on a busy shared 2-core machine one
// LibreOffice conversion with a fresh profile alone can take 30 s.
jest.setTimeout(240_000);
