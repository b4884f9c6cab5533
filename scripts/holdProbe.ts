/**
 * `npx tsx scripts/holdProbe.ts [bare|app|detach|module:NAME] [EVENTS]`: the bench's hold model
 * (1,000 pending, Exp(1) holds drawn with the sim's stream), median of 5 timed runs in CPU time,
 * in a process that loads only the engine and random.ts (bare), also the bench's imports (app),
 * that first detaches an ArrayBuffer as the simulation worker does when it transfers a trace
 * (detach), or that imports one module first. For looking into why one process runs the same
 * engine slower than another: any detached ArrayBuffer in the thread (tsx detaches one when it
 * loads a CommonJS module) makes V8 check every later typed-array access.
 */
import { Engine } from '../src/sim/engine.ts';
import { exponential, makeStream } from '../src/sim/random.ts';

const mode = process.argv[2] ?? 'bare';
const events = Number(process.argv[3] ?? 2_000_000);
if (mode === 'app') {
  await import('../src/drills/api.ts');
  await import('../src/scenarios/builtin/index.ts');
  await import('../src/scenarios/generate.ts');
  await import('../src/scenarios/load.ts');
  await import('../src/sim/session.ts');
  await import('../src/sim/run.ts');
  await import('../src/scenarios/importGeo.ts');
  await import('./simjsMmc.ts');
} else if (mode === 'detach') {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
} else if (mode.startsWith('module:')) {
  await import(mode.slice('module:'.length));
}

function holdModel(pending: number, count: number): number {
  const engine = new Engine();
  const stream = makeStream(1, 'hold');
  engine.on(0, () => {
    engine.schedule(engine.now + exponential(stream, 1), 0);
  });
  for (let i = 0; i < pending; i++) engine.schedule(exponential(stream, 1), 0);
  engine.run(Infinity, count);
  return engine.eventsHandled;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

holdModel(1000, events); // warm-up
const rates: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = cpuSeconds();
  const handled = holdModel(1000, events);
  rates.push(handled / (cpuSeconds() - start));
}
rates.sort((a, b) => a - b);
const millions = (rate: number) => (rate / 1e6).toFixed(2);
console.log(`${mode}: ${millions(rates[2])} M events/s (runs: ${rates.map(millions).join(' ')})`);
