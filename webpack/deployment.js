// Where the add-in is served from, and so which office.js it loads. A development build (and the offline tests)
// keeps manifest.xml's https://localhost:3000/ and serves the npm copy of office.js from dist/. A deployment build,
// `ADDIN_ORIGIN=https://addin.example.com/ npm run build`, writes a dist/manifest.xml that names that address
// everywhere and loads office.js from Microsoft's CDN, as AppSource requires.

const { URL } = require("url");

/** The address manifest.xml is written with: webpack-dev-server's. */
const DEV_ORIGIN = "https://localhost:3000/";
/** Microsoft's hosted office.js (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The deployment `ADDIN_ORIGIN` asks for: the https address dist/ is hosted at (a path under it is allowed), or the
 * development server's when it is not set. Throws a one-line reason for anything else.
 */
function deploymentOf(environment) {
  const raw = (environment.ADDIN_ORIGIN ?? "").trim();
  if (raw === "") return { origin: DEV_ORIGIN, officeJs: "./office.js", deployed: false };
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `ADDIN_ORIGIN "${raw}" is not a URL: give the https address dist/ is hosted at, e.g. https://addin.contoso.com/`
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `ADDIN_ORIGIN "${raw}" must be an https address: Office loads add-ins only over https`
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new Error(`ADDIN_ORIGIN "${raw}" must be a plain address, without ? or #`);
  }
  const origin = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { origin, officeJs: OFFICE_JS_CDN, deployed: true };
}

/** manifest.xml with every address of the development server replaced by the deployment's. */
const manifestFor = (xml, { origin }) => xml.replaceAll(DEV_ORIGIN, origin);

/**
 * taskpane.html's Content-Security-Policy: scripts only from the page's own origin and office.js's (Microsoft's CDN
 * in a deployment), nothing evaluated from strings. Styles may be inline: Fluent UI (Griffel) and office.js insert
 * <style> elements at run time. `devServerPort`: the dev server's live reload talks over a websocket.
 */
function contentSecurityPolicy({ officeJs, deployed }, devServerPort) {
  const office = deployed ? ` ${new URL(officeJs).origin}` : "";
  const reload = devServerPort === undefined ? "" : ` wss://localhost:${devServerPort}`;
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${reload}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { DEV_ORIGIN, OFFICE_JS_CDN, contentSecurityPolicy, deploymentOf, manifestFor };
