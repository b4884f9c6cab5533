/**
 * `npx tsx scripts/mmcAllocation.ts [calls]`: what the bench's M/M/3 allocates per call, by
 * function (V8's sampling heap profiler, objects collected since included), after a warm-up.
 */
import { Session as Inspector } from 'node:inspector/promises';
import { queueScenario } from '../src/scenarios/theory.ts';
import { Session } from '../src/sim/session.ts';

const calls = Number(process.argv[2] ?? 300_000);
const minutes = Math.round(calls / 1.5);
const scenario = queueScenario({
  servers: 3,
  arrivalRatePerMinute: 1.5,
  serviceRatePerMinute: 1,
  whenNoUnit: 'queue',
  durationMinutes: minutes,
});
const runOnce = (seed: number) => {
  const session = new Session(scenario, seed);
  session.advance();
  return session.finishTrace().incidentCount;
};
runOnce(1);
const inspector = new Inspector();
inspector.connect();
await inspector.post('HeapProfiler.startSampling', {
  samplingInterval: 512,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const served = runOnce(2);
const { profile } = await inspector.post('HeapProfiler.stopSampling');
interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const bySite = new Map<string, number>();
let total = 0;
const walk = (node: Node) => {
  const f = node.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}`;
  bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  node.children.forEach(walk);
};
walk(profile.head as Node);
console.log(`${served} calls, ${(total / served).toFixed(0)} bytes a call (sampled)`);
for (const [key, size] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${(size / served).toFixed(0).padStart(6)} B/call  ${key}`);
}
