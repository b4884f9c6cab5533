/**
 * The bench's measurements that need a process or a thread of their own (run by
 * scripts/bench.ts, not by hand):
 * - `memory CALLS`: runs the M/M/3 queue of the bench for about CALLS calls (0: loads the same
 *   code and stops), keeps the trace, and prints the process's peak resident memory in KiB and
 *   what the trace itself holds (traceKiB: its columns at their exact length);
 * - as a worker thread (workerData `{ seeds }`): builds the benchmark city and runs one year as
 *   a warm-up, says it is ready, and on the next message runs one simulated year for each
 *   seed and posts the number of calls back.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { builtinScenario } from '../src/scenarios/builtin/index.ts';
import { queueScenario } from '../src/scenarios/theory.ts';
import { run } from '../src/sim/run.ts';
import { Session } from '../src/sim/session.ts';
import { traceColumns, type Trace } from '../src/sim/trace.ts';

/**
 * The process's peak resident memory, KiB: Linux's VmHWM (getrusage's maxRSS would count the
 * parent's peak, which survives the fork and exec of a child), else what Node reports.
 */
function peakResidentKiB(): number {
  try {
    const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (line) return Number(line[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

/** What the kept trace's records, incident table and places hold, bytes (not their spare room). */
function traceByteLength(trace: Trace): number {
  return traceColumns(trace).reduce((sum, array) => sum + array.byteLength, 0);
}

if (!isMainThread) {
  // The city is built first ("ready"), so that the pool's clock starts at "go" for all.
  const { seeds } = workerData as { seeds: number[] };
  const city = builtinScenario('benchmark-city');
  run(city, 0); // warm-up: let the JIT compile the hot paths
  parentPort!.postMessage({ ready: true });
  parentPort!.once('message', () => {
    let calls = 0;
    for (const seed of seeds) calls += run(city, seed).summary.calls;
    parentPort!.postMessage({ calls });
  });
} else if (process.argv[2] === 'memory') {
  const calls = Number(process.argv[3]);
  let kept: unknown = null;
  let served = 0;
  let traceBytes = 0;
  if (calls > 0) {
    const session = new Session(
      queueScenario({
        servers: 3,
        arrivalRatePerMinute: 1.5,
        serviceRatePerMinute: 1,
        whenNoUnit: 'queue',
        durationMinutes: calls / 1.5,
      }),
      1,
    );
    session.advance();
    const trace = session.finishTrace();
    kept = trace;
    served = trace.incidentCount;
    traceBytes = traceByteLength(trace);
  }
  console.log(
    JSON.stringify({
      calls: served,
      maxRssKiB: peakResidentKiB(),
      kept: kept !== null,
      traceKiB: Math.round(traceBytes / 1024),
    }),
  );
}
