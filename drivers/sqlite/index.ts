export { SQLiteDriver, type SQLiteOptions } from "./driver.js";
