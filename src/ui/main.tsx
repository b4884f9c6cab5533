import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { traceDigest } from '../worker/client.ts';
import { App } from './App.tsx';
import './styles.css';

declare global {
  interface Window {
    /** For the determinism end-to-end test: the worker's trace digest of a built-in scenario. */
    __drillPlanner?: { traceDigest(scenarioId: string, seed: number): Promise<string> };
  }
}

// For the determinism end-to-end test (tests/e2e): it compares this digest, computed in the
// browser's worker, with the one computed in Node for the same scenario and seed.
window.__drillPlanner = {
  traceDigest: (scenarioId, seed) => traceDigest({ builtin: scenarioId }, seed),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
