/**
 * Replay of one run (过程回放), for trainers and planners: run the scenario with a seed in the
 * worker (or open a saved trace without rerunning), then watch units move along the roads,
 * scrub the timeline, read the synchronised event log and ask why each dispatch was made.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { legsBetween, makeRoute, recordAt, type Route } from '../../sim/analysis/replay.ts';
import { buildReplayIndex } from '../../sim/analysis/replayIndex.ts';
import { callWorker } from '../../worker/client.ts';
import type { ReplayOpened } from '../../worker/replayApi.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { scenarioTitle } from '../reportFigures.ts';
import { useNavigation } from '../shell/navigation.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { EventLog, NO_FILTER, type LogFilter } from './EventLog.tsx';
import { freshness } from '../results/freshness.ts';
import { StaleNotice } from '../results/StaleNotice.tsx';
import { makeClock, seedRanges } from './format.ts';
import {
  ReplayOverlayContext,
  ReplayTimeContext,
  type PageReplay,
  type ReplayOverlayState,
} from './model.ts';
import { parseReplayFile, replayFileText } from './replayFile.ts';
import { ReplayLegend, ReplayMap } from './ReplayMap.tsx';
import { replayStrings } from './strings.ts';
import { Timeline } from './Timeline.tsx';
import { WhyPanel } from './WhyPanel.tsx';
import './replay.css';

type Status =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; heading: string; lines: string[] };

export function ReplayView() {
  const t = useStrings(replayStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const { workspace } = useWorkspace();
  const { replayRequest, lastRun } = useNavigation();
  const [seedText, setSeedText] = useState(() =>
    String(replayRequest?.seed ?? lastRun?.report.seeds[0] ?? 1),
  );
  const [replay, setReplay] = useState<PageReplay | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(60);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [selection, setSelection] = useState<{ incident: number; record: number }>({
    incident: -1,
    record: -1,
  });
  const [pickedRecord, setPickedRecord] = useState(-1);
  const routes = useLegRoutes(replay, time, speed);

  const seed = Number(seedText);
  const seedValid = seedText.trim() !== '' && Number.isInteger(seed) && seed >= 0;

  const adopt = useCallback(
    (opened: Extract<ReplayOpened, { ok: true }>, doc: ScenarioDoc, fileName: string | null) => {
      const agencies: string[] = [];
      for (const agency of opened.trace.header.unitAgencies)
        if (!agencies.includes(agency)) agencies.push(agency);
      setReplay({
        key: opened.key,
        seed: opened.seed,
        trace: opened.trace,
        index: buildReplayIndex(opened.trace, opened.homes),
        names: opened.names,
        roads: opened.roads,
        doc,
        fileName,
        agencies,
      });
      setTime(0);
      setPlaying(false);
      setSelection({ incident: -1, record: -1 });
      setPickedRecord(-1);
      setFilter(NO_FILTER);
      setStatus({ kind: 'idle' });
    },
    [],
  );

  const startReplay = useCallback(
    async (doc: ScenarioDoc, seedToRun: number) => {
      setStatus({ kind: 'running' });
      setPlaying(false);
      try {
        const opened = await callWorker<ReplayOpened>((worker) =>
          worker.replayRun({ input: doc }, seedToRun, language),
        );
        if (!opened.ok) {
          setStatus({
            kind: 'failed',
            heading: t.invalidScenario,
            lines: opened.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
          });
          return;
        }
        adopt(opened, doc, null);
      } catch (error) {
        setStatus({
          kind: 'failed',
          heading: t.runFailed,
          lines: [error instanceof Error ? error.message : String(error)],
        });
      }
    },
    [adopt, language, t],
  );

  // "Replay this seed" from another view: take its scenario and seed, and run it.
  const handledRequest = useRef<typeof replayRequest>(null);
  useEffect(() => {
    if (!replayRequest || handledRequest.current === replayRequest) return;
    handledRequest.current = replayRequest;
    setSeedText(String(replayRequest.seed));
    void startReplay(replayRequest.doc, replayRequest.seed);
  }, [replayRequest, startReplay]);

  const openFile = async (file: File) => {
    const failed = (lines: string[]) =>
      setStatus({ kind: 'failed', heading: t.openFailed(file.name), lines });
    const parsed = parseReplayFile(await file.text());
    if (!parsed.ok) {
      failed([t.fileProblem[parsed.problem.code], parsed.problem.detail]);
      return;
    }
    const { doc, trace, seed: savedSeed } = parsed.saved;
    try {
      const opened = await callWorker<ReplayOpened>((worker) =>
        worker.replayOpen(doc, trace, savedSeed, language),
      );
      if (!opened.ok) {
        failed(opened.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
        return;
      }
      adopt(opened, doc, file.name);
      setSeedText(String(savedSeed));
    } catch (error) {
      failed([error instanceof Error ? error.message : String(error)]);
    }
  };

  const save = () => {
    if (!replay) return;
    const text = replayFileText({ doc: replay.doc, seed: replay.seed, trace: replay.trace });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `replay-${replay.trace.header.scenario}-seed${replay.seed}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  // Playback: simulated time advances speed × real time, one step per animation frame.
  const duration = replay?.trace.header.duration ?? 0;
  useEffect(() => {
    if (!playing || !replay) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      const elapsed = (now - last) / 1000;
      last = now;
      setTime((previous) => Math.min(duration, previous + elapsed * speed));
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, replay, duration]);
  useEffect(() => {
    if (playing && time >= duration) setPlaying(false);
  }, [playing, time, duration]);

  const pickRecord = useCallback(
    (record: number) => {
      if (!replay) return;
      const trace = replay.trace;
      setPlaying(false);
      setTime(trace.time[record]);
      setPickedRecord(record);
      const incident = trace.incident[record];
      if (incident >= 0) setSelection({ incident, record });
    },
    [replay],
  );

  const step = (direction: 1 | -1) => {
    if (!replay) return;
    const trace = replay.trace;
    const current = recordAt(trace, time);
    let next = current + (direction > 0 ? 1 : 0);
    if (direction < 0) while (next >= 0 && trace.time[next] >= time) next--;
    else while (next < trace.length && trace.time[next] <= time) next++;
    if (next >= 0 && next < trace.length) pickRecord(next);
  };

  const overlay = useMemo<ReplayOverlayState | null>(
    () =>
      replay && {
        replay,
        routeOf: routes.routeOf,
        routesVersion: routes.version,
        selectedIncident: selection.incident,
        selectedUnit: filter.unit,
        onSelectIncident: (incident) => setSelection({ incident, record: -1 }),
        onSelectUnit: (unit) => setFilter((previous) => ({ ...previous, unit })),
      },
    [replay, routes.routeOf, routes.version, selection.incident, filter.unit],
  );

  const clock = useMemo(
    () => makeClock(replay?.trace.header.start ?? '2026-01-01T00:00', locale),
    [replay, locale],
  );
  // A replay of another scenario, or of this one before its latest edits, says so.
  const replayDoc = replay?.doc ?? null;
  const openDoc = workspace?.doc ?? null;
  const fresh = useMemo(
    () =>
      replayDoc && openDoc && !replay?.fileName
        ? freshness(replayDoc, openDoc)
        : ({ kind: 'current' } as const),
    [replayDoc, openDoc, replay?.fileName],
  );
  const timeZone = typeof replay?.doc.timeZone === 'string' ? replay.doc.timeZone : 'Asia/Shanghai';
  const timeZoneLabel = timeZone === 'Asia/Shanghai' ? t.timeZone : timeZone;

  return (
    <div className="replay" data-testid="replay-view">
      <section className="card replay-source" aria-labelledby="replay-heading">
        <h2 id="replay-heading">
          {t.heading}
          <span className="hint replay-intro">{t.intro}</span>
        </h2>
        <div className="replay-source-row">
          <label className="replay-seed">
            <span>{t.seed}</span>
            <input
              data-testid="replay-seed-input"
              inputMode="numeric"
              value={seedText}
              aria-invalid={!seedValid}
              aria-describedby="replay-seed-hint"
              onChange={(event) => setSeedText(event.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary"
            data-testid="replay-run"
            disabled={!seedValid || !workspace || status.kind === 'running'}
            onClick={() => workspace && void startReplay(workspace.doc, seed)}
          >
            {status.kind === 'running' ? t.running : t.replay}
          </button>
          <button type="button" data-testid="replay-save" disabled={!replay} onClick={save}>
            {t.save}
          </button>
          <label className="replay-open button-like">
            {t.open}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="replay-open"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void openFile(file);
              }}
            />
          </label>
          <span id="replay-seed-hint" className="hint">
            {!seedValid
              ? t.seedInvalid
              : lastRun
                ? t.seedHint(seedRanges(lastRun.report.seeds))
                : replayRequest
                  ? t.sourceRequested(replayRequest.seed)
                  : t.sourceWorkspace}
          </span>
          {replay && (
            <p
              className="replay-status"
              data-testid="replay-status"
              data-records={replay.trace.length}
            >
              {t.replayed(
                scenarioTitle(
                  replay.trace.header.scenario,
                  typeof replay.doc.name === 'string' ? replay.doc.name : '',
                  language,
                ),
                replay.seed,
                replay.trace.length,
              )}
              {replay.fileName && ` · ${t.opened(replay.fileName)}`}
            </p>
          )}
        </div>
        {status.kind === 'failed' && (
          <div className="problems" role="alert" data-testid="replay-error">
            <strong>{status.heading}</strong>
            <ul>
              {status.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <StaleNotice
          freshness={fresh}
          testId="replay-stale"
          runAgainDisabled={!seedValid || !workspace || status.kind === 'running'}
          onRunAgain={() => workspace && void startReplay(workspace.doc, seed)}
        />
      </section>

      {!replay ? (
        <p className="card placeholder">{t.noReplay}</p>
      ) : (
        <ReplayTimeContext.Provider value={time}>
          <ReplayOverlayContext.Provider value={overlay}>
            {/* At 1366×768 the map, its controls and the log are seen together: the map and the
                why beside the log, which keeps its height. */}
            <div className="replay-main">
              <div className="replay-left">
                <section className="card replay-map-card" aria-label={t.map}>
                  <ReplayMap doc={replay.doc} ariaLabel={t.map} />
                  <Timeline
                    trace={replay.trace}
                    time={time}
                    playing={playing}
                    speed={speed}
                    clock={clock}
                    timeZoneLabel={timeZoneLabel}
                    onTime={(next) => setTime(next)}
                    onPlaying={(next) => {
                      if (next && time >= duration) setTime(0);
                      setPlaying(next);
                    }}
                    onSpeed={setSpeed}
                    onStep={step}
                  />
                  <ReplayLegend agencies={replay.agencies} agencyNames={replay.names.agencies} />
                </section>
                <section
                  className="card replay-why"
                  aria-labelledby="replay-why-heading"
                  data-testid="replay-why"
                >
                  <h2 id="replay-why-heading">{t.why}</h2>
                  <WhyPanel
                    replay={replay}
                    incident={selection.incident}
                    record={selection.record}
                    clock={clock}
                    onPick={pickRecord}
                  />
                </section>
              </div>
              <EventLog
                replay={replay}
                time={time}
                clock={clock}
                filter={filter}
                onFilter={setFilter}
                selectedRecord={pickedRecord}
                onPick={pickRecord}
              />
            </div>
          </ReplayOverlayContext.Provider>
        </ReplayTimeContext.Provider>
      )}
    </div>
  );
}

/** How far ahead of the current time routes are fetched, in seconds of real playback. */
const LOOKAHEAD_REAL_SECONDS = 20;

/**
 * Road routes of the legs around the current time, fetched from the worker a window at a time
 * and kept per replay; until a leg's route arrives it is drawn straight.
 */
export function useLegRoutes(replay: PageReplay | null, time: number, speed: number) {
  const cache = useRef<{ key: string; routes: Map<number, Route>; asked: Set<number> } | null>(
    null,
  );
  const [version, setVersion] = useState(0);
  const window = Math.floor(time / 600);
  useEffect(() => {
    if (!replay) return;
    if (cache.current?.key !== replay.key)
      cache.current = { key: replay.key, routes: new Map(), asked: new Set() };
    const store = cache.current;
    const from = window * 600 - 600;
    const to = window * 600 + Math.max(3600, speed * LOOKAHEAD_REAL_SECONDS);
    const missing = legsBetween(replay.index, from, to).filter((leg) => !store.asked.has(leg));
    if (missing.length === 0) return;
    for (const leg of missing) store.asked.add(leg);
    callWorker((worker) => worker.replayRoutes(replay.key, missing)).then(
      (answer) => {
        if (cache.current !== store) return;
        answer.legs.forEach((leg, k) => {
          const points = answer.points.subarray(answer.offsets[k], answer.offsets[k + 1]);
          if (points.length >= 2) store.routes.set(leg, makeRoute(points));
        });
        // Legs beyond the worker's cap per call are asked again next time.
        for (const leg of missing.slice(answer.legs.length)) store.asked.delete(leg);
        setVersion((v) => v + 1);
      },
      () => {
        for (const leg of missing) store.asked.delete(leg);
      },
    );
  }, [replay, window, speed]);
  const routeOf = useCallback((leg: number) => cache.current?.routes.get(leg), []);
  return { routeOf, version };
}
