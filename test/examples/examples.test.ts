import { describe, expect, it } from "vitest";
import { runTsx } from "./run-tsx.js";

// The README sends readers to these: each must run as it stands and print what it promises.
describe("runnable examples", () => {
  it.concurrent.each([
    ["quickstart.ts", ["Ada's tasks: [ 'Write the analytical engine notes', 'Review the difference engine' ]", "Transaction rolled back: the migration broke halfway", "Tasks after the rollback: 2", "email: Invalid email address", "Person: Ada ada@example.com"]],
    ["legacy-table.ts", ["VIP customers: [", "fullName: 'Katherine Johnson'", "Seen by the legacy SQL: [", "FULL_NAME: 'Margaret Hamilton'"]],
    ["structured-fields.ts", ["Ada's first line: { sku: 'ENGINE-1', quantity: 1, price: 1843.5 } metadata: { channel: 'web', campaign: { id: 7, name: 'autumn' } }", "Shipped to London: [ 'Ada' ]", "Everything else: [ 'Grace', 'Alan' ]", "Tagged gift: [ 'Ada' ]", "Without lines: [ 'Alan' ]", "Bulk orders of cheap items: [ 'Grace' ]", "Orders with two or more lines: 1", "By city: [ '(no address)', 'London', 'Washington' ]", "Grace now in: Arlington"]],
    [
      "blog.ts",
      [
        'Lazy: "Notes on the Analytical Engine" by Ada, edited by Grace',
        'Lazy: Ada wrote "Notes on the Analytical Engine", "Bernoulli numbers"',
        // To-many lists in key order (tag ts before sql), not in the order of the association rows (sql first): lazily and with include.
        'Lazy: "Compilers for everyone" is tagged ts, sql',
        'Lazy: "Compilers for everyone" has editor null; tag "unused" has 0 posts',
        'As JSON: {"id":1,"title":"Notes on the Analytical Engine","authorId":1,"editorId":2}',
        "Cached: Ada; after refresh(): Ada Lovelace",
        [
          "Eager: every post, with its author, tags and comments:",
          '  "Notes on the Analytical Engine" by Ada Lovelace [history]',
          "    Grace: The first program!",
          "    Linus: Still readable today.",
          '  "Compilers for everyone" by Grace [ts, sql]',
          "    Ada Lovelace: Machines writing programs: yes.",
          '  "Just for fun" by Linus [ts]',
          '  "Bernoulli numbers" by Ada Lovelace []',
        ].join("\n"),
        'Tagged ts: "Compilers for everyone", "Just for fun"',
        'Tags of "Compilers for everyone": sql, ts',
      ],
    ],
    ["mixed-libraries.ts", ["Books by Ursula K. Le Guin: A Wizard of Earthsea, The Dispossessed", "  ★★★☆☆ by Bob: The Dispossessed", "London publishers of US authors: Gollancz"]],
  ])("%s runs and prints its results", async (example, expected) => {
    const output = await runTsx(`examples/${example}`);
    for (const line of expected) expect(output).toContain(line);
  });
});
