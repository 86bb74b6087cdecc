/** A driver opened on a namespace of its own (a schema, a database); `dispose` closes it, then drops the namespace, also when closing fails. */
export function droppedAfterClose<D extends { close(): Promise<void> }>(driver: D, drop: () => Promise<unknown>): { driver: D; dispose(): Promise<void> } {
  return {
    driver,
    async dispose() {
      try {
        await driver.close();
      } finally {
        await drop();
      }
    },
  };
}
