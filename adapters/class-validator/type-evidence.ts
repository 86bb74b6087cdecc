import type { ScalarType } from "../../src/kit/adapter.js";

/**
 * What one decorator says about a property's type: "number" is a number that may or may not be an
 * integer; "array" is an array (of items the `each: true` rules describe); "object" is any object
 * (`@IsObject()`), "instance" an instance of a class (`@IsInstance(X)`, see instanceEvidence).
 */
export type TypeEvidence = ScalarType | "number" | "array" | "object" | "instance";

// Every decorator in class-validator's string family rejects values that are not strings.
const STRING_RULES = new Set([
  "isString", "contains", "notContains", "isAlpha", "isAlphanumeric", "isAscii", "isBIC", "isBooleanString", "isBtcAddress",
  "isByteLength", "isCreditCard", "isCurrency", "isDataURI", "isDateString", "isDecimal", "isEAN", "isEmail", "isEthereumAddress",
  "isFqdn", "IsFirebasePushId", "isFullWidth", "isHSL", "isHalfWidth", "isHash", "isHexColor", "isHexadecimal", "isIBAN", "isIp",
  "isIsbn", "isIsin", "isISRC", "isISSN", "isIdentityCard", "isJson", "isJwt", "isLocale", "isLowercase", "isMacAddress",
  "isMagnetURI", "isMilitaryTime", "isMimeType", "isMobilePhone", "isMongoId", "isMultibyte", "isNumberString", "isOctal",
  "isPassportNumber", "isPhoneNumber", "isPort", "isPostalCode", "isRgbColor", "isSemVer", "isStrongPassword", "isSurrogatePair",
  "isTimeZone", "isUuid", "isUppercase", "isUrl", "isVariableWidth", "isLength", "matches", "maxLength", "minLength", "isTaxId",
  "isIso8601", "isRFC3339", "isBase32", "isBase58", "isBase64", "isISO31661Alpha2", "isISO31661Alpha3", "isISO31661Numeric",
  "isISO4217CurrencyCode", "isISO6391", "isLatLong",
]);
const NUMBER_RULES = new Set(["min", "max", "isPositive", "isNegative", "isDivisibleBy"]);
const DATE_RULES = new Set(["isDate", "minDate", "maxDate"]);
const ARRAY_RULES = new Set(["isArray", "arrayContains", "arrayNotContains", "arrayMinSize", "arrayMaxSize", "arrayNotEmpty", "arrayUnique"]);
const OBJECT_RULES = new Set(["isObject", "isNotEmptyObject"]);
const EXACT = new Map<string, TypeEvidence>([["isInt", "integer"], ["isNumber", "float"], ["isBoolean", "boolean"]]);

/** The type a class-validator decorator guarantees, by its validator name; `undefined` for decorators that allow any type. */
export function typeEvidence(ruleName: string): TypeEvidence | undefined {
  if (STRING_RULES.has(ruleName)) return "string";
  if (NUMBER_RULES.has(ruleName)) return "number";
  if (DATE_RULES.has(ruleName)) return "date";
  if (ARRAY_RULES.has(ruleName)) return "array";
  if (OBJECT_RULES.has(ruleName)) return "object";
  if (ruleName === "isInstance") return "instance";
  return EXACT.get(ruleName);
}
