/**
 * `npm run bench:longtasks [-- --replications 200] [-- --dist DIR] [-- --no-build] [-- --json]`:
 * the main thread's long tasks while the app runs many replications, measured in headless
 * Debian Chromium. Builds the app (into DIR, default dist) unless `--no-build`, serves it on
 * 127.0.0.1 (scripts/serve.mjs, from `--port`, default 4188, or the next free port), opens it,
 * runs the default scenario on the worker pool and records every main-thread task over 50 ms
 * (PerformanceObserver 'longtask') from the click on Run until the run is done, and then while
 * the report is drawn. Prints count, max, p95 and total blocked time of each phase.
 *
 * A benchmark, not a test: on a busy machine the scheduler alone makes 60–110 ms tasks now and
 * then, so the figures are printed, never asserted. The e2e test app.spec.ts asserts only what
 * a person notices (a click during the run answered, no task near a second).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium, type Page } from '@playwright/test';

interface Options {
  replications: number;
  seed: number;
  dist: string;
  build: boolean;
  port: number;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const whole = (name: string, fallback: number, least: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < least) {
      throw new Error(`${name} must be a whole number ≥ ${least}, got "${text}"`);
    }
    return n;
  };
  return {
    replications: whole('--replications', 200, 1),
    seed: whole('--seed', 1, 0),
    dist: value('--dist') ?? 'dist',
    build: !argv.includes('--no-build'),
    port: whole('--port', 4188, 1),
    json: argv.includes('--json'),
  };
}

const options = parseOptions(process.argv.slice(2));
const log = (text: string) => {
  if (!options.json) console.error(text);
};

/** Serves the build; resolves with its address once it listens. */
function serve(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(options.port), DIST: options.dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen);
      if (match) resolve({ server, url: match[0] });
    });
    server.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
  });
}

interface Task {
  /** ms after the phase began */
  start: number;
  duration: number;
}

interface PhaseFigures {
  ms: number;
  count: number;
  maxMs: number;
  p95Ms: number;
  /** The time the page could not answer: the sum of each task's part beyond 50 ms. */
  blockingMs: number;
}

/** Nearest-rank p95 of the durations (0 without a task). */
function phaseFigures(ms: number, tasks: Task[]): PhaseFigures {
  const durations = tasks.map((task) => task.duration).sort((a, b) => a - b);
  const rank = Math.ceil(0.95 * durations.length) - 1;
  return {
    ms: Math.round(ms),
    count: durations.length,
    maxMs: Math.round(durations[durations.length - 1] ?? 0),
    p95Ms: Math.round(durations[rank] ?? 0),
    blockingMs: Math.round(durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
  };
}

async function measure(page: Page, url: string) {
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; duration: number }> = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    // When the run view said "done", seen from the page.
    const marks: { doneAt?: number } = {};
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="status"]');
      if (status?.getAttribute('data-state') === 'done') marks.doneAt ??= performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    Object.assign(window, { __longTasks: tasks, __marks: marks });
  });
  await page.goto(url);
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  await page.getByTestId('tab-run').click();
  await page.getByTestId('seed-input').fill(String(options.seed));
  await page.getByTestId('replications-input').fill(String(options.replications));
  const now = () => page.evaluate(() => performance.now());
  const runStart = await now();
  await page.getByTestId('run').click();
  log(`running ${options.replications} replications…`);
  await page.locator('[data-testid="status"][data-state="done"]').waitFor({ timeout: 60 * 60_000 });
  const runEnd = await page.evaluate(
    () => (window as unknown as { __marks: { doneAt: number } }).__marks.doneAt,
  );
  // The report is drawn section by section; its last section is the replay's.
  await page.getByTestId('replay-seed-button').waitFor({ timeout: 10 * 60_000 });
  const drawnEnd = await now();
  const tasks = (from: number, to: number) =>
    page.evaluate(
      ([from, to]) =>
        (
          window as unknown as { __longTasks: Array<{ start: number; duration: number }> }
        ).__longTasks
          .filter((task) => task.start >= from && task.start < to)
          .map((task) => ({ start: task.start - from, duration: task.duration })),
      [from, to] as const,
    );
  const duringRun = await tasks(runStart, runEnd);
  const whileDrawing = await tasks(runEnd, drawnEnd);
  return {
    duringRun: phaseFigures(runEnd - runStart, duringRun),
    whileDrawingTheReport: phaseFigures(drawnEnd - runEnd, whileDrawing),
    all: phaseFigures(drawnEnd - runStart, [...duringRun, ...whileDrawing]),
    tasks: {
      duringRun: duringRun.map((t) => [Math.round(t.start), Math.round(t.duration)]),
      whileDrawingTheReport: whileDrawing.map((t) => [Math.round(t.start), Math.round(t.duration)]),
    },
  };
}

async function main() {
  if (options.build) {
    log(`building the app into ${options.dist}/…`);
    execFileSync('npx', ['vite', 'build', '--outDir', options.dist, '--logLevel', 'warn'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    const measured = await measure(page, url);
    const figures = {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        browser: `Chromium ${browser.version()}`,
      },
      scenario: 'default-city',
      seed: options.seed,
      replications: options.replications,
      ...measured,
    };
    if (options.json) {
      console.log(JSON.stringify(figures, null, 2));
    } else {
      console.log(
        `Main-thread long tasks (> 50 ms), default scenario, ${options.replications} replications, ${figures.machine.browser}, ${figures.machine.cpus} CPUs`,
      );
      const rows: Array<[string, PhaseFigures]> = [
        ['during the run', measured.duringRun],
        ['drawing the report', measured.whileDrawingTheReport],
        ['both', measured.all],
      ];
      console.log(
        ['phase'.padEnd(20), 'ms', 'count', 'max ms', 'p95 ms', 'blocking ms']
          .map((h, i) => (i === 0 ? h : h.padStart(13)))
          .join(''),
      );
      for (const [name, f] of rows) {
        console.log(
          name.padEnd(20) +
            [f.ms, f.count, f.maxMs, f.p95Ms, f.blockingMs]
              .map((v) => String(v).padStart(13))
              .join(''),
        );
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
