/**
 * Graceful shutdown on SIGTERM or SIGINT: the given steps run once, in order
 * (close the application: stop consuming, flush relays, close pools; then whatever
 * the host started), and the process exits. A second signal exits at once.
 */
export function stopOnSignal(steps: Array<() => Promise<void>>, log: (message: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    void (async () => {
      let code = 0;
      for (const step of steps) {
        try {
          await step();
        } catch (error) {
          code = 1;
          log(`shutdown step failed: ${error instanceof Error ? error.name : 'error'}`);
        }
      }
      process.exit(code);
    })();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
