/**
 * The webpack "functions" entry: binds each custom-function id of functions.json to its JavaScript function.
 * Written out by hand instead of using custom-functions-metadata-plugin's appended code, whose generated
 * lines leak into other modules' type-check on watch rebuilds; test/unit/functions/register.test.ts checks
 * that every id in the JSDoc metadata is bound here, to the function that carries it.
 */
import { partnerBand, partnerScore } from "./functions";
import { buildPartner, partnerFee, raciCheck } from "./program";
import { mdfRoiFunction, slaComplianceFunction, slaHours } from "./finance";
import { tierGap, tierQualify, tierStatus } from "./tiers";

CustomFunctions.associate("PARTNERSCORE", partnerScore);
CustomFunctions.associate("PARTNERBAND", partnerBand);
CustomFunctions.associate("TIERQUALIFY", tierQualify);
CustomFunctions.associate("TIERGAP", tierGap);
CustomFunctions.associate("TIERSTATUS", tierStatus);
CustomFunctions.associate("BUILDPARTNER", buildPartner);
CustomFunctions.associate("PARTNERFEE", partnerFee);
CustomFunctions.associate("RACICHECK", raciCheck);
CustomFunctions.associate("MDFROI", mdfRoiFunction);
CustomFunctions.associate("SLAHOURS", slaHours);
CustomFunctions.associate("SLACOMPLIANCE", slaComplianceFunction);
