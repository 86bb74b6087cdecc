// `Ommi` is async-disposable (`await using db = new Ommi(...)`), so its published declarations
// name `Symbol.asyncDispose`. TypeScript declares it in lib "esnext.disposable" and @types/node
// declares it too; an app may have neither, so it is declared here as well, in the same words
// (declarations of it merge). At run time it is Node's own symbol (Node 20 has it).
declare global {
  interface SymbolConstructor {
    /** The method that `await using` calls when its block ends. */
    readonly asyncDispose: unique symbol;
  }
}

export {};
