import type { Logger } from 'pino';

/**
 * Runs `work` every `intervalMs`, one run at a time (a slow run delays the next instead of
 * overlapping it); `stop()` waits for the run in progress. What must happen once across
 * processes is claimed in the database by `work` itself, never by this timer.
 */
export function runPeriodically(name: string, work: () => Promise<unknown>, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(work).catch((err) => logger.error({ err }, `${name} failed`));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
