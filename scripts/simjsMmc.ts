/**
 * The bench's M/M/3 queue in SimJS (the `simjs` package, a general-purpose discrete-event
 * library for JavaScript), as a peer run in the same process as ours: Poisson arrivals at
 * λ = 1.5 per minute, three FCFS servers, exponential service at μ = 1 per minute. A customer
 * entity arrives, asks the facility for an exponential service time, and schedules the next
 * arrival; `served` counts the customers whose service ended.
 */
import { createRequire } from 'node:module';

interface SimJs {
  Sim: new () => { addEntity(klass: unknown): unknown; simulate(until: number): unknown };
  Entity: new (...args: unknown[]) => {
    setTimer(duration: number): { done(callback: () => void, context?: unknown): unknown };
    useFacility(
      facility: unknown,
      duration: number,
    ): { done(callback: () => void, context?: unknown): unknown };
  };
  Facility: {
    new (
      name: string,
      discipline: number,
      servers: number,
    ): { queueStats(): { durationSeries: { average(): number } } };
    FCFS: number;
  };
  Random: new (seed: number) => { exponential(rate: number): number };
}

/**
 * SimJS ships one browserify bundle that exports nothing to CommonJS: it hands its classes to
 * `window.Sim`. Loaded once with a stand-in `window`, which is taken away again.
 */
function loadSimjs(): SimJs {
  const global = globalThis as { window?: { Sim?: SimJs } };
  const had = 'window' in global;
  const before = global.window;
  global.window = {};
  try {
    createRequire(import.meta.url)('simjs');
    const loaded = global.window.Sim;
    if (!loaded) throw new Error('simjs did not define window.Sim');
    return loaded;
  } finally {
    if (had) global.window = before;
    else delete global.window;
  }
}

const simjs = loadSimjs();

/**
 * Runs `minutes` of the M/M/3 queue: the customers served, and their mean wait in the queue
 * (minutes; Erlang C gives 3/19 ≈ 0.158), which shows that it is the same queue as ours.
 */
export function simjsMmc(minutes: number, seed: number): { served: number; meanWait: number } {
  const { Sim, Entity, Facility, Random } = simjs;
  const sim = new Sim();
  const random = new Random(seed);
  const servers = new Facility('dispatch', Facility.FCFS, 3);
  let served = 0;
  const finished = () => {
    served++;
  };
  class Customers extends Entity {
    start(): void {
      this.useFacility(servers, random.exponential(1)).done(finished);
      this.setTimer(random.exponential(1.5)).done(this.start, this);
    }
  }
  sim.addEntity(Customers);
  sim.simulate(minutes);
  return { served, meanWait: servers.queueStats().durationSeries.average() };
}
