import { storedValueRefusals } from "../sql/refusals.js";
import type { Refusals } from "../sql/runner.js";

/**
 * MySQL and MariaDB store -0 in a DOUBLE column as 0 (the server turns it into +0 before storing,
 * so that the two sort and index as one). Ommi's values round-trip exactly or are refused, so a
 * float field's -0 is refused with an error naming the field, before anything is sent. Inside a
 * structured value -0 is kept (the JSON text holds it), and comparisons need no refusal: -0
 * equals 0 in a condition on every driver, as in JavaScript.
 */
const PROBLEM = "MySQL stores -0 in a floating-point column as 0; write 0 (or keep the sign in a structured field)";

const isNegativeZero = (value: unknown) => value === 0 && Object.is(value, -0);

export const negativeZeroRefusals: Refusals = storedValueRefusals("float", (value) => (isNegativeZero(value) ? PROBLEM : undefined));
