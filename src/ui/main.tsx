import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { poolTestHooks, traceDigest } from '../worker/client.ts';
import type { LoggedCommand } from '../scenarios/commands.ts';
import type { Report } from '../sim/analysis/report.ts';
import type { SessionOptions } from '../sim/session.ts';
import { App, lastReport } from './App.tsx';
import { trainingLongTasks, type LongTask } from './training/longTasks.ts';
import { autosaveLatencies } from './workspace/WorkspaceContext.tsx';
import './styles.css';

declare global {
  interface Window {
    /** For the determinism end-to-end test: the worker's trace digest of a built-in scenario. */
    __drillPlanner?: {
      traceDigest(
        scenarioId: string,
        seed: number,
        commands?: LoggedCommand[],
        options?: SessionOptions,
      ): Promise<string>;
      /** The report of the last finished run in the run view (null before one). */
      lastReport(): Report | null;
      /** Its replications' figures as JSON: what two runs with the same seeds must agree on. */
      lastReportDigest(): string | null;
      /** Only under automation (the end-to-end tests): lose a worker on purpose. */
      pool?: typeof poolTestHooks;
      /** Each autosave's time from the edit to the end of its IndexedDB transaction, ms. */
      autosaveLatencies(): readonly number[];
      /** Main-thread long tasks recorded while a trainee was in the seat. */
      trainingLongTasks(): readonly LongTask[];
    };
  }
}

// For the end-to-end tests (tests/e2e): the trace digest computed in the browser's worker, to
// compare with Node's for the same scenario and seed; the last run's report, to check figures.
window.__drillPlanner = {
  traceDigest: (scenarioId, seed, commands, options) =>
    traceDigest({ builtin: scenarioId }, seed, commands, options),
  lastReport: () => lastReport(),
  lastReportDigest: () => {
    const report = lastReport();
    return report ? JSON.stringify(report.replications) : null;
  },
  // Ways to crash, hang or break a worker are for the supervision tests (tests/e2e/pool.spec.ts)
  // only: a browser that a person uses is not driven by automation.
  ...(navigator.webdriver ? { pool: poolTestHooks } : {}),
  autosaveLatencies,
  trainingLongTasks,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
