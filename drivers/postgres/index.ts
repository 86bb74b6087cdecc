export { PostgreSQLDriver } from "./driver.js";
export type { PostgreSQLOptions } from "./options.js";
