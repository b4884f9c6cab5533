/**
 * The debrief (讲评回放): the trainee's session in the replay view's map, timeline, event log
 * and "why" panel, with markers where the trainee chose otherwise than the reference; beside
 * each, the trainee's and the reference's choice with their estimates and what it cost. "Take
 * the seat from here" restarts the exercise at that decision or call, the log up to it kept.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { recordAt } from '../../sim/analysis/replay.ts';
import { buildReplayIndex } from '../../sim/analysis/replayIndex.ts';
import { callWorker } from '../../worker/client.ts';
import type { DebriefOpened, Divergence } from '../../worker/trainingDebrief.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { EventLog, NO_FILTER, type LogFilter } from '../replay/EventLog.tsx';
import { makeClock, minutesText } from '../replay/format.ts';
import {
  ReplayOverlayContext,
  ReplayTimeContext,
  type PageReplay,
  type ReplayOverlayState,
} from '../replay/model.ts';
import { ReplayLegend, ReplayMap } from '../replay/ReplayMap.tsx';
import { useLegRoutes } from '../replay/ReplayView.tsx';
import { Timeline } from '../replay/Timeline.tsx';
import { WhyPanel } from '../replay/WhyPanel.tsx';
import { replayStrings } from '../replay/strings.ts';
import '../replay/replay.css';
import { trainingStrings } from './strings.ts';
import type { Shown } from './TrainingView.tsx';

export type TakeSeat = { call: number } | { decision: number };

export function DebriefPage({
  shown,
  onTakeSeat,
}: {
  shown: Shown | null;
  onTakeSeat(from: TakeSeat): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const [opened, setOpened] = useState<{
    of: Shown;
    replay: PageReplay;
    divergences: Divergence[];
  } | null>(null);
  const [error, setError] = useState<{ of: Shown; message: string } | null>(null);

  useEffect(() => {
    if (!shown || opened?.of === shown) return;
    let wanted = true;
    void callWorker<DebriefOpened>((worker) =>
      worker.trainingDebrief(shown.file, shown.sheet, language),
    ).then(
      (result) => {
        if (!wanted) return;
        if (!result.ok) {
          setError({ of: shown, message: result.message });
          return;
        }
        const r = result.replay;
        const agencies: string[] = [];
        for (const agency of r.trace.header.unitAgencies)
          if (!agencies.includes(agency)) agencies.push(agency);
        setOpened({
          of: shown,
          divergences: result.divergences,
          replay: {
            key: r.key,
            seed: r.seed,
            trace: r.trace,
            index: buildReplayIndex(r.trace, r.homes),
            names: r.names,
            roads: r.roads,
            doc: result.doc,
            fileName: null,
            agencies,
          },
        });
      },
      (reason: unknown) =>
        wanted &&
        setError({
          of: shown,
          message: reason instanceof Error ? reason.message : String(reason),
        }),
    );
    return () => {
      wanted = false;
    };
  }, [shown, opened, language]);

  if (!shown) {
    return (
      <section className="card">
        <p className="placeholder" data-testid="debrief-empty">
          {t.noDebrief}
        </p>
      </section>
    );
  }
  if (error?.of === shown) {
    return (
      <p className="problems" role="alert" data-testid="debrief-error">
        {error.message}
      </p>
    );
  }
  if (!opened || opened.of !== shown) {
    return (
      <p className="card placeholder" aria-busy="true" data-testid="debrief-opening">
        {t.debriefOpening}
      </p>
    );
  }
  return (
    <Debrief
      shown={shown}
      replay={opened.replay}
      divergences={opened.divergences}
      onTakeSeat={onTakeSeat}
    />
  );
}

function Debrief({
  shown,
  replay,
  divergences,
  onTakeSeat,
}: {
  shown: Shown;
  replay: PageReplay;
  divergences: Divergence[];
  onTakeSeat(from: TakeSeat): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const trace = replay.trace;
  const firstCall = shown.sheet.calls[0]?.time ?? 0;
  const [time, setTime] = useState(Math.max(0, firstCall - 60));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(60);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [selection, setSelection] = useState({ incident: -1, record: -1 });
  const [picked, setPicked] = useState(-1);
  const [chosen, setChosen] = useState<number>(divergences[0]?.decision ?? -1);
  const routes = useLegRoutes(replay, time, speed);
  const clock = useMemo(() => makeClock(trace.header.start, locale), [trace, locale]);
  const duration = trace.header.duration;

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      const elapsed = (now - last) / 1000;
      last = now;
      setTime((previous) => Math.min(duration, previous + elapsed * speed));
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, duration]);

  const pickRecord = useCallback(
    (record: number) => {
      setPlaying(false);
      setTime(trace.time[record]);
      setPicked(record);
      const incident = trace.incident[record];
      if (incident >= 0) setSelection({ incident, record });
    },
    [trace],
  );
  const step = (direction: 1 | -1) => {
    const current = recordAt(trace, time);
    let next = current + (direction > 0 ? 1 : 0);
    if (direction < 0) while (next >= 0 && trace.time[next] >= time) next--;
    else while (next < trace.length && trace.time[next] <= time) next++;
    if (next >= 0 && next < trace.length) pickRecord(next);
  };
  const overlay = useMemo<ReplayOverlayState>(
    () => ({
      replay,
      routeOf: routes.routeOf,
      routesVersion: routes.version,
      selectedIncident: selection.incident,
      selectedUnit: filter.unit,
      onSelectIncident: (incident) => setSelection({ incident, record: -1 }),
      onSelectUnit: (unit) => setFilter((previous) => ({ ...previous, unit })),
    }),
    [replay, routes.routeOf, routes.version, selection.incident, filter.unit],
  );
  const goTo = (divergence: Divergence) => {
    setChosen(divergence.decision);
    setPlaying(false);
    setTime(divergence.time);
    setSelection({ incident: divergence.cost.incident, record: -1 });
  };
  // The call being handled at the replay's time: where "take the seat from here" starts.
  const callHere = [...shown.sheet.calls].reverse().find((call) => call.time <= time + 0.5);
  const canTake = shown.journal !== null;

  return (
    <ReplayTimeContext.Provider value={time}>
      <ReplayOverlayContext.Provider value={overlay}>
        <div className="debrief" data-testid="debrief">
          <section className="card debrief-head">
            <h2>{t.debriefHeading}</h2>
            <div className="training-row">
              <button
                type="button"
                className="primary"
                data-testid="debrief-take-seat-here"
                disabled={!canTake || !callHere}
                onClick={() => callHere && onTakeSeat({ call: callHere.call })}
              >
                {callHere ? t.takeSeatCall(callHere.call + 1) : t.takeSeatHere}
              </button>
              {shown.sheet.calls.map((call) => (
                <button
                  key={call.call}
                  type="button"
                  data-testid="debrief-call"
                  data-call={call.call}
                  onClick={() => {
                    setPlaying(false);
                    setTime(call.time);
                    setSelection({ incident: call.incident, record: -1 });
                  }}
                >
                  {t.callNumber(call.call + 1)} · {clock.short(call.time).text}
                </button>
              ))}
              {!canTake && <span className="hint">{t.onlyOwnSession}</span>}
            </div>
          </section>
          <div className="replay-main">
            <section className="card replay-map-card" aria-label={t.debriefHeading}>
              <ReplayMap doc={replay.doc} ariaLabel={t.debriefHeading} />
              <Timeline
                trace={trace}
                time={time}
                playing={playing}
                speed={speed}
                clock={clock}
                timeZoneLabel={replayStrings[language].timeZone}
                onTime={setTime}
                onPlaying={(next) => {
                  if (next && time >= duration) setTime(0);
                  setPlaying(next);
                }}
                onSpeed={setSpeed}
                onStep={step}
              />
              <DivergenceStrip
                duration={duration}
                divergences={divergences}
                chosen={chosen}
                time={time}
                onPick={goTo}
              />
              <ReplayLegend agencies={replay.agencies} agencyNames={replay.names.agencies} />
            </section>
            <section className="card debrief-side" aria-labelledby="debrief-divergences">
              <h2 id="debrief-divergences">{t.divergences}</h2>
              {divergences.length === 0 ? (
                <p className="hint" data-testid="debrief-no-divergences">
                  {t.noDivergences}
                </p>
              ) : (
                <ol className="debrief-list" data-testid="debrief-divergences">
                  {divergences.map((divergence) => (
                    <DivergenceItem
                      key={divergence.decision}
                      divergence={divergence}
                      open={divergence.decision === chosen}
                      when={clock.short(divergence.time).text}
                      onOpen={() => goTo(divergence)}
                      onTakeSeat={
                        canTake ? () => onTakeSeat({ decision: divergence.decision }) : null
                      }
                      minutes={(s) => minutesText(s, locale)}
                    />
                  ))}
                </ol>
              )}
              <h3>{t.whyHeading}</h3>
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
            selectedRecord={picked}
            onPick={pickRecord}
          />
        </div>
      </ReplayOverlayContext.Provider>
    </ReplayTimeContext.Provider>
  );
}

function DivergenceItem({
  divergence,
  open,
  when,
  onOpen,
  onTakeSeat,
  minutes,
}: {
  divergence: Divergence;
  open: boolean;
  when: string;
  onOpen(): void;
  onTakeSeat: (() => void) | null;
  minutes(seconds: number): string;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const eta = (c: Divergence['slots'][number]['trainee']) =>
    c === null
      ? t.leftOpen
      : `${c.label[language]} · ${t.etaValue(
          minutes(c.travelSeconds + c.orderDelaySeconds),
          c.orderDelaySeconds > 0 ? minutes(c.orderDelaySeconds) : null,
        )}`;
  return (
    <li
      className={`debrief-item ${open ? 'open' : ''}`}
      data-testid="debrief-divergence"
      data-decision={divergence.decision}
    >
      <button type="button" className="link" onClick={onOpen}>
        {t.divergenceAt(when)}
        {divergence.call !== null && ` · ${t.callNumber(divergence.call + 1)}`}
      </button>
      <p>{divergence.cost.explanation[language]}</p>
      {open &&
        divergence.slots
          .filter((slot) => slot.trainee?.unit !== slot.reference?.unit)
          .map((slot) => (
            <table key={slot.slot} className="debrief-compare">
              <caption>{slot.capability[language]}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t.traineeChose}</th>
                  <td data-testid="debrief-trainee">{eta(slot.trainee)}</td>
                </tr>
                <tr>
                  <th scope="row">{t.referenceChose}</th>
                  <td data-testid="debrief-reference">
                    {eta(slot.reference)}
                    {slot.reference && (
                      <div className="hint" data-testid="debrief-reference-why">
                        {referenceReason(slot) === 'nearest' ? t.whyNearest : t.whyRunCard}
                      </div>
                    )}
                  </td>
                </tr>
              </tbody>
            </table>
          ))}
      {open && onTakeSeat && (
        <button type="button" data-testid="debrief-take-seat" onClick={onTakeSeat}>
          {t.takeSeatHere}
        </button>
      )}
    </li>
  );
}

/**
 * Why the built-in dispatcher chose its unit: the fastest to arrive (travel plus approvals) of
 * those that could go, or else its run card's (出动预案) choice, which it takes first.
 */
function referenceReason(slot: Divergence['slots'][number]): 'nearest' | 'runCard' {
  const estimate = (c: { travelSeconds: number; orderDelaySeconds: number }) =>
    c.travelSeconds + c.orderDelaySeconds;
  const best = Math.min(...slot.candidates.map(estimate));
  return slot.reference && !(estimate(slot.reference) > best + 1) ? 'nearest' : 'runCard';
}

/** Markers of the divergences over the run's time (the same scale as the timeline above). */
function DivergenceStrip({
  duration,
  divergences,
  chosen,
  time,
  onPick,
}: {
  duration: number;
  divergences: Divergence[];
  chosen: number;
  time: number;
  onPick(divergence: Divergence): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const x = (at: number) => (duration > 0 ? (at / duration) * 1000 : 0);
  return (
    <svg
      className="debrief-strip"
      viewBox="0 0 1000 18"
      preserveAspectRatio="none"
      role="group"
      aria-label={t.divergences}
      data-testid="debrief-strip"
    >
      <line x1={x(time)} x2={x(time)} y1={0} y2={18} className="debrief-now" />
      {divergences.map((divergence) => (
        <rect
          key={divergence.decision}
          data-testid="debrief-marker"
          x={x(divergence.time) - 3}
          y={2}
          width={6}
          height={14}
          className={divergence.decision === chosen ? 'chosen' : undefined}
          onClick={() => onPick(divergence)}
        >
          <title>{divergence.cost.explanation[language]}</title>
        </rect>
      ))}
    </svg>
  );
}
