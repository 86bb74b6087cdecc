// Published as `ommi/sqlite`'s options: nothing here names better-sqlite3's types, which an app
// that uses Ommi does not install (@types/better-sqlite3).

/** How `SQLiteDriver.connect` opens a database. */
export interface SQLiteOptions {
  /** A file path, or ":memory:" for a database that lives as long as the driver. */
  filename: string;
  /** Open read-only. */
  readonly?: boolean;
  /**
   * Milliseconds a statement waits for a lock another connection holds (another process, or
   * another driver on the same file) before failing with a retryable TimeoutError (limit "lock");
   * 5,000 unless given. SQLite waits in this thread: nothing else runs meanwhile.
   */
  lockTimeout?: number;
  /** The former name of `lockTimeout`, still taken. */
  busyTimeout?: number;
}
