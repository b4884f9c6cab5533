/**
 * The pool's supervision (src/worker/supervisor.ts) with stand-in workers: lost workers are
 * replaced and their seeds re-run, a seed that kills two workers fails the run, and a cancel
 * ends the run within its grace even when a worker hangs.
 */
import { describe, expect, it } from 'vitest';
import { supervise, type RunWorker } from '../../src/worker/supervisor.ts';

type Behaviour = 'ok' | 'hang' | 'die' | 'ignore-cancel';

/** A worker that runs a seed in 4 ticks of 5 ms, unless `behave(seed, generation)` says not. */
function fakePool(behave: (seed: number, worker: number) => Behaviour = () => 'ok') {
  let started = 0;
  const terminated: number[] = [];
  const ranBy = new Map<number, number[]>();
  const start = (): Promise<RunWorker<string>> => {
    const id = started++;
    let fail: (error: Error) => void = () => {};
    const died = new Promise<never>((_, reject) => (fail = reject));
    died.catch(() => {});
    let cancelled = false;
    let dead = false;
    return Promise.resolve({
      died,
      cancel: () => (cancelled = true),
      terminate: () => {
        dead = true;
        terminated.push(id);
      },
      runSeed: (seed, onProgress) =>
        new Promise((resolve) => {
          ranBy.set(seed, [...(ranBy.get(seed) ?? []), id]);
          const behaviour = behave(seed, id);
          if (behaviour === 'hang') return;
          let tick = 0;
          const timer = setInterval(() => {
            if (dead) return clearInterval(timer);
            if (cancelled && behaviour !== 'ignore-cancel') {
              clearInterval(timer);
              return resolve(null);
            }
            if (behaviour === 'die' && tick === 1) {
              clearInterval(timer);
              dead = true;
              return fail(new Error('uncaught'));
            }
            tick += 1;
            onProgress(Math.min(1, tick / 4));
            if (tick === 4 && behaviour !== 'ignore-cancel') {
              clearInterval(timer);
              resolve(`replication ${seed}`);
            }
          }, 5);
        }),
    });
  };
  return { start, terminated, ranBy, started: () => started };
}

function runOver(pool: ReturnType<typeof fakePool>, seeds: number[], slots = 2) {
  const results = new Map<number, string>();
  const recoveries: { seed: number; reason: string }[] = [];
  const run = supervise<string>({
    seeds,
    slots,
    start: pool.start,
    onFinished: (seed, result) => results.set(seed, result),
    onProgress: () => {},
    onRecovery: ({ seed, reason }) => recoveries.push({ seed, reason }),
    // A second without progress is a hang: long beside the fake workers' 5 ms ticks, and long
    // enough that a loaded machine's pauses are not taken for one.
    heartbeatMs: 1000,
    cancelGraceMs: 40,
  });
  return { run, results, recoveries };
}

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('the supervised pool', () => {
  it('runs no seed that is not asked for when a slow worker starts after the queue emptied', async () => {
    const pool = fakePool();
    const seen: unknown[] = [];
    let first = true;
    const run = supervise<string>({
      seeds: [1, 2],
      slots: 2,
      // The second worker takes longer to start than the first takes to run both seeds.
      start: async () => {
        const worker = await pool.start();
        if (!first) await new Promise((resolve) => setTimeout(resolve, 120));
        first = false;
        return worker;
      },
      onFinished: (seed) => seen.push(seed),
      onProgress: () => {},
      heartbeatMs: 1000,
      cancelGraceMs: 40,
    });
    expect((await run.outcome).kind).toBe('finished');
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('gives no slot a seed that another slot took while its worker was starting', async () => {
    // Seeds that finish at once and a second worker that takes a while to start: by the time it
    // is ready the first has run them all, and it must not run a seed of its own.
    const ran: unknown[] = [];
    const worker = (): RunWorker<string> => ({
      died: new Promise<never>(() => {}),
      cancel: () => {},
      terminate: () => {},
      runSeed: (seed) => {
        ran.push(seed);
        return Promise.resolve(`replication ${seed}`);
      },
    });
    const finished: number[] = [];
    const run = supervise<string>({
      seeds: [1, 2, 3],
      slots: 2,
      start: (slot) =>
        new Promise((resolve) => setTimeout(() => resolve(worker()), slot === 0 ? 0 : 30)),
      onFinished: (seed) => finished.push(seed),
      onProgress: () => {},
      heartbeatMs: 1000,
      cancelGraceMs: 40,
    });
    expect(await run.outcome).toEqual({ kind: 'finished' });
    expect(ran).toEqual([1, 2, 3]);
    expect(finished).toEqual([1, 2, 3]);
  });

  it('runs every seed once when nothing goes wrong', async () => {
    const pool = fakePool();
    const { run, results } = runOver(pool, SEEDS);
    expect(await run.outcome).toEqual({ kind: 'finished' });
    expect([...results.keys()].sort()).toEqual(SEEDS);
    expect(pool.started()).toBe(2);
  });

  it('replaces a worker that dies and runs its seed again elsewhere', async () => {
    const pool = fakePool((seed, worker) => (seed === 3 && worker < 2 ? 'die' : 'ok'));
    const { run, results, recoveries } = runOver(pool, SEEDS);
    expect(await run.outcome).toEqual({ kind: 'finished' });
    expect([...results.keys()].sort()).toEqual(SEEDS);
    expect(results.get(3)).toBe('replication 3');
    expect(recoveries).toEqual([{ seed: 3, reason: 'died' }]);
    expect(pool.terminated).toHaveLength(1);
  });

  it('takes a worker that stops sending progress for hung, ends it and recovers', async () => {
    const pool = fakePool((seed, worker) => (seed === 2 && worker < 2 ? 'hang' : 'ok'));
    const { run, results, recoveries } = runOver(pool, SEEDS);
    expect(await run.outcome).toEqual({ kind: 'finished' });
    expect([...results.keys()].sort()).toEqual(SEEDS);
    expect(recoveries).toEqual([{ seed: 2, reason: 'hung' }]);
  });

  it('fails the run, naming the seed, when one seed kills two workers', async () => {
    const pool = fakePool((seed) => (seed === 4 ? 'die' : 'ok'));
    const { run } = runOver(pool, SEEDS);
    expect(await run.outcome).toEqual({ kind: 'failed', seed: 4, reason: 'died' });
    expect(pool.ranBy.get(4)).toHaveLength(2);
  });

  it('recovers with a single worker, losing it twice to different seeds', async () => {
    const pool = fakePool((seed, worker) =>
      (seed === 2 && worker === 0) || (seed === 5 && worker === 1) ? 'hang' : 'ok',
    );
    const { run, results } = runOver(pool, SEEDS, 1);
    expect(await run.outcome).toEqual({ kind: 'finished' });
    expect([...results.keys()].sort()).toEqual(SEEDS);
    expect(pool.started()).toBe(3);
  });

  it('ends a cancelled run within its grace even when a worker hangs', async () => {
    const pool = fakePool((seed) => (seed === 1 ? 'hang' : 'ignore-cancel'));
    const { run } = runOver(pool, SEEDS);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cancelledAt = Date.now();
    run.cancel();
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    // Within the grace, not the hang's second (bounded loosely: the machine may be loaded).
    expect(Date.now() - cancelledAt).toBeLessThan(900);
    // Both workers ignored the cancel: both were ended, so nothing of the run goes on.
    expect(pool.terminated.sort()).toEqual([0, 1]);
  });

  it('lets workers that stop at the cancel live on', async () => {
    const pool = fakePool();
    const { run } = runOver(pool, SEEDS);
    await new Promise((resolve) => setTimeout(resolve, 12));
    run.cancel();
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    expect(pool.terminated).toEqual([]);
  });

  it('ends every busy worker when the run fails', async () => {
    const pool = fakePool((seed, worker) => (seed === 1 ? 'die' : worker === 1 ? 'hang' : 'ok'));
    const { run } = runOver(pool, [1, 2]);
    const outcome = await run.outcome;
    expect(outcome.kind).toBe('failed');
    // The hung worker with seed 2 was ended with the failure, not left spinning.
    expect(pool.terminated).toContain(1);
  });
});
