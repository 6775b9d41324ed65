const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "FunctionsMetadataPlugin";

// JSDoc wraps long descriptions over several lines; Excel's autocomplete wants one line of text.
const oneLine = (text) => (typeof text === "string" ? text.replace(/\s*\n\s*/g, " ").trim() : text);

function tidy(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  for (const fn of metadata.functions) {
    fn.description = oneLine(fn.description);
    for (const parameter of fn.parameters) parameter.description = oneLine(parameter.description);
  }
  return JSON.stringify(metadata, null, 2);
}

/**
 * Emits functions.json from the JSDoc of the custom-function sources with custom-functions-metadata, and
 * nothing else: registration is done by src/functions/register.ts (custom-functions-metadata-plugin would
 * also append `CustomFunctions.associate` calls to the bundle). Metadata errors fail the build.
 */
class FunctionsMetadataPlugin {
  /** @param {{ input: string[]; output: string }} options absolute source paths; the asset's name in dist */
  constructor({ input, output }) {
    this.input = input;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // Rebuild the metadata when a source changes in watch mode, even one no bundle imports.
      for (const file of this.input) compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tapPromise(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const result = await generateCustomFunctionsMetadata(this.input);
          if (result.errors.length > 0 || result.metadataJson === "") {
            const reasons = result.errors.length > 0 ? result.errors : ["no @customfunction found"];
            compilation.errors.push(
              new WebpackError(`${this.output} could not be generated:\n${reasons.join("\n")}`)
            );
            return;
          }
          compilation.emitAsset(this.output, new sources.RawSource(tidy(result.metadataJson)));
        }
      );
    });
  }
}

module.exports = { FunctionsMetadataPlugin };
