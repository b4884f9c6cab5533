/**
 * Worker functions behind the replay of one run (its trace, the routes units drove, the
 * dispatch explanations). Spread into the worker's Comlink api by simWorker.ts.
 */
export const replayApi = {};
