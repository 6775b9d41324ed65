// Shaped like Microsoft's Office add-in templates (Office-Addin-TaskPane-SharedRuntime, React): one page,
// taskpane.html, hosts the task pane and the custom functions in one shared runtime (see manifest.xml).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataPlugin } = require("./webpack/functionsMetadataPlugin");

const { contentSecurityPolicy, deploymentOf, manifestFor } = require("./webpack/deployment");

const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");

// Outside a deployment, office.js comes from the npm package: the page loads ./office.js, which loads the script
// for the host it finds itself in from its own folder: excel-win32-16.01.js, excel-web-16.00.js... in Excel, and
// o15apptofilemappingtable.js in a plain browser (without it Office.onReady never resolves). So Excel's files go
// beside it. Its messages come from <locale>/office_strings.js; a locale missing here falls back to en-us at once,
// and this add-in speaks English. Minified already: copied byte for byte.
const officeJsFiles = {
  from: "{office.js,o15apptofilemappingtable.js,excel*.js,en-us/office_strings.js,telemetry/*.js,ariatelemetry/*.js}",
  context: OFFICE_JS_DIST,
  to: "[path][name][ext]",
  globOptions: { ignore: ["**/*.debug.js"] },
  info: { minimized: true },
};

const port = Number(process.env.npm_package_config_dev_server_port || 3000);

// Raw (not gzipped) limits for webpack's own hints; test/unit/build/dist.test.ts asserts the gzipped budgets.
const maxInitialBytes = 1024 * 1024;
// exceljs loads only when the user downloads the workbook: big, lazy, expected.
const EXCELJS_CHUNK = "exceljs";

async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not provide a trusted localhost certificate (${error.message.trim()}); ` +
        "serving https with webpack-dev-server's self-signed certificate instead."
    );
    return "https";
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // ADDIN_ORIGIN set: a deployment (its address in dist/manifest.xml, office.js from Microsoft's CDN).
  const deployment = deploymentOf(process.env);
  return {
    devtool: "source-map",
    entry: {
      // Registering the custom functions needs neither React nor the DOM: the small bundle runs first.
      functions: "./src/functions/register.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // The runtime reads the global object as globalThis, not through new Function("return this"), which the
      // page's Content-Security-Policy forbids.
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs's package entry is for Node (fs, streams); its browser build is self-contained.
      // csv-parse's Node build needs Node's Buffer; its browser build brings its own.
      alias: {
        exceljs$: require.resolve("exceljs/dist/exceljs.min.js"),
        "csv-parse/sync$": require.resolve("csv-parse/browser/esm/sync"),
      },
    },
    module: {
      // Already bundled and minified: parsing it again only costs time and warns.
      noParse: /exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `tsc --noEmit` (npm run typecheck), once, for the whole project.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: EXCELJS_CHUNK,
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      maxAssetSize: maxInitialBytes,
      maxEntrypointSize: maxInitialBytes,
      // Only our bundles: Microsoft's office.js files are copied as they are, and source maps are never
      // downloaded by users.
      assetFilter: (name, source, info) =>
        name.endsWith(".js") && !info.copied && !name.startsWith(`${EXCELJS_CHUNK}.`),
    },
    plugins: [
      new FunctionsMetadataPlugin({
        input: ["functions", "tiers", "program", "finance"].map((f) =>
          path.resolve(__dirname, `src/functions/${f}.ts`)
        ),
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: {
          officeJs: deployment.officeJs,
          contentSecurityPolicy: contentSecurityPolicy(deployment, dev ? port : undefined),
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => manifestFor(content.toString(), deployment),
          },
          ...(deployment.deployed ? [] : [officeJsFiles]),
        ],
      }),
    ],

    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      // Certificates are only looked for when serving; a build never touches them.
      server: env.WEBPACK_SERVE ? await httpsServer() : "https",
      port,
    },
  };
};
