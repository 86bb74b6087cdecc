import { describe, expect, it } from "vitest";
import { runTsx } from "./run-tsx.js";

// The README sends readers to these: each must run as it stands and print what it promises.
describe("runnable examples", () => {
  it.concurrent.each([
    ["quickstart.ts", ["Ada's tasks: [ 'Write the analytical engine notes', 'Review the difference engine' ]", "Transaction rolled back: the migration broke halfway", "Tasks after the rollback: 2", "email: Invalid email address", "Person: Ada ada@example.com"]],
    ["legacy-table.ts", ["VIP customers: [", "fullName: 'Katherine Johnson'", "Seen by the legacy SQL: [", "FULL_NAME: 'Margaret Hamilton'"]],
    ["structured-fields.ts", ["Ada's first line: { sku: 'ENGINE-1', quantity: 1, price: 1843.5 } metadata: { channel: 'web', campaign: { id: 7, name: 'autumn' } }", "Shipped to London: [ 'Ada' ]", "Everything else: [ 'Grace', 'Alan' ]", "Tagged gift: [ 'Ada' ]", "Without lines: [ 'Alan' ]", "Bulk orders of cheap items: [ 'Grace' ]", "Orders with two or more lines: 1", "By city: [ '(no address)', 'London', 'Washington' ]", "Grace now in: Arlington"]],
    ["mixed-libraries.ts", ["Books by Ursula K. Le Guin: A Wizard of Earthsea, The Dispossessed", "  ★★★☆☆ by Bob: The Dispossessed", "London publishers of US authors: Gollancz"]],
  ])("%s runs and prints its results", async (example, expected) => {
    const output = await runTsx(`examples/${example}`);
    for (const line of expected) expect(output).toContain(line);
  });
});
