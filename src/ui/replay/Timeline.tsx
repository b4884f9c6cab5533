/**
 * The replay's time controls: play/pause, speed, the clock, a scrubber over the run, and a D3
 * strip of calls over time (bars) with the incidents that waited or went unanswered (red ticks).
 */
import { bin, max, scaleLinear } from 'd3';
import { memo, useMemo, useRef } from 'react';
import { RecordKind, type Trace } from '../../sim/trace.ts';
import { useStrings } from '../i18n.ts';
import type { ReplayClock } from './format.ts';
import { replayStrings } from './strings.ts';

export const SPEEDS = [1, 10, 60, 300, 900, 3600] as const;

/** Bin widths the strip may use (s): the first giving at most ~200 bins over the run. */
const BIN_CHOICES = [60, 300, 600, 900, 1800, 3600, 7200, 21_600, 86_400];
const STRIP_HEIGHT = 56;
const STRIP_WIDTH = 1000;

interface TimelineProps {
  trace: Trace;
  time: number;
  playing: boolean;
  speed: number;
  clock: ReplayClock;
  timeZoneLabel: string;
  onTime(time: number): void;
  onPlaying(playing: boolean): void;
  onSpeed(speed: number): void;
  onStep(direction: 1 | -1): void;
}

export function Timeline(props: TimelineProps) {
  const t = useStrings(replayStrings);
  const { trace, time, clock } = props;
  const duration = trace.header.duration;
  const now = clock.long(time);
  return (
    <div className="replay-timeline" data-testid="replay-timeline">
      <div className="replay-controls">
        <button
          type="button"
          className="primary replay-play"
          data-testid="replay-play"
          aria-pressed={props.playing}
          onClick={() => props.onPlaying(!props.playing)}
        >
          {props.playing ? t.pause : t.play}
        </button>
        <button
          type="button"
          onClick={() => props.onStep(-1)}
          data-testid="replay-step-back"
          aria-label={t.stepBack}
          title={t.stepBack}
        >
          {t.stepBackShort}
        </button>
        <button
          type="button"
          onClick={() => props.onStep(1)}
          data-testid="replay-step-forward"
          aria-label={t.stepForward}
          title={t.stepForward}
        >
          {t.stepForwardShort}
        </button>
        <label className="replay-speed">
          <span>{t.speed}</span>
          <select
            data-testid="replay-speed"
            value={props.speed}
            onChange={(event) => props.onSpeed(Number(event.target.value))}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <output
          className="replay-clock"
          data-testid="replay-clock"
          data-time={Math.floor(time)}
          aria-live="off"
        >
          {t.clock(now.day, now.text)} <span className="replay-zone">({props.timeZoneLabel})</span>
        </output>
      </div>
      <input
        type="range"
        className="replay-scrubber"
        data-testid="replay-scrubber"
        aria-label={t.time}
        aria-valuetext={t.clock(now.day, now.text)}
        min={0}
        max={duration}
        step={1}
        value={Math.min(duration, Math.floor(time))}
        onChange={(event) => props.onTime(Number(event.target.value))}
      />
      <CallStrip trace={trace} time={time} clock={clock} onTime={props.onTime} />
    </div>
  );
}

function CallStrip({
  trace,
  time,
  clock,
  onTime,
}: {
  trace: Trace;
  time: number;
  clock: ReplayClock;
  onTime(time: number): void;
}) {
  const t = useStrings(replayStrings);
  const svgRef = useRef<SVGSVGElement>(null);
  const duration = trace.header.duration;
  const strip = useMemo(() => stripOf(trace), [trace]);
  const x = (at: number) => (at / duration) * STRIP_WIDTH;
  const seek = (clientX: number) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    onTime(Math.max(0, Math.min(duration, ((clientX - box.left) / box.width) * duration)));
  };
  return (
    <figure className="replay-strip">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${STRIP_WIDTH} ${STRIP_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t.timelineLabel}
        data-testid="replay-strip"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          seek(event.clientX);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) seek(event.clientX);
        }}
      >
        <StripMarks strip={strip} duration={duration} />
        <line
          x1={x(time)}
          x2={x(time)}
          y1={0}
          y2={STRIP_HEIGHT}
          stroke="#1f3a5f"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          data-testid="replay-cursor"
        />
      </svg>
      <StripAxis duration={duration} clock={clock} />
      <figcaption className="hint">
        {t.callsPer(t.span(strip.binSeconds / 60))} · {t.timelineLabel}
      </figcaption>
    </figure>
  );
}

type Strip = ReturnType<typeof stripOf>;

/**
 * The strip's bars, trouble ticks and grid: drawn once per replay, not on every frame of
 * playback (only the cursor moves). The ticks are one path, however many there are.
 */
const StripMarks = memo(function StripMarks({
  strip,
  duration,
}: {
  strip: Strip;
  duration: number;
}) {
  const x = scaleLinear().domain([0, duration]).range([0, STRIP_WIDTH]);
  const y = scaleLinear()
    .domain([0, Math.max(1, strip.highest)])
    .range([STRIP_HEIGHT - 14, 4]);
  return (
    <>
      {strip.bins.map((b) => (
        <rect
          key={b.start}
          x={x(b.start)}
          width={Math.max(0.5, x(b.end) - x(b.start) - 0.5)}
          y={y(b.count)}
          height={STRIP_HEIGHT - 14 - y(b.count)}
          fill="#8ea5c2"
        />
      ))}
      {strip.trouble.length > 0 && (
        <path
          d={troublePath(strip.trouble, x)}
          stroke="#b3261e"
          strokeWidth={1.5}
          fill="none"
          vectorEffect="non-scaling-stroke"
          data-testid="replay-trouble"
          data-count={strip.trouble.length}
        />
      )}
      {tickTimes(duration).map((tick) => (
        <line
          key={tick}
          x1={x(tick)}
          x2={x(tick)}
          y1={0}
          y2={STRIP_HEIGHT}
          stroke="#d5dbe3"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </>
  );
});

/** One short vertical stroke per distinct position (a tenth of a unit of the strip's width). */
function troublePath(times: readonly number[], x: (t: number) => number): string {
  const positions = new Set(times.map((at) => Math.round(x(at) * 10) / 10));
  let d = '';
  for (const at of positions) d += `M${at} ${STRIP_HEIGHT - 14}V${STRIP_HEIGHT - 6}`;
  return d;
}

const StripAxis = memo(function StripAxis({
  duration,
  clock,
}: {
  duration: number;
  clock: ReplayClock;
}) {
  const t = useStrings(replayStrings);
  return (
    <div className="replay-strip-axis" aria-hidden="true">
      {tickTimes(duration).map((tick) => {
        const c = clock.short(tick);
        return (
          <span key={tick} style={{ left: `${(tick / duration) * 100}%` }}>
            {t.logTime(c.day, c.text.slice(0, 5))}
          </span>
        );
      })}
    </div>
  );
});

function stripOf(trace: Trace) {
  const duration = trace.header.duration;
  const binSeconds = BIN_CHOICES.find((choice) => duration / choice <= 200) ?? 86_400;
  const calls: number[] = [];
  const trouble: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind[i];
    if (kind === RecordKind.callReceived) calls.push(trace.time[i]);
    else if (
      kind === RecordKind.queued ||
      kind === RecordKind.unanswered ||
      kind === RecordKind.overflowed
    ) {
      trouble.push(trace.time[i]);
    }
  }
  const thresholds: number[] = [];
  for (let at = binSeconds; at < duration; at += binSeconds) thresholds.push(at);
  const bins = bin()
    .domain([0, duration])
    .thresholds(thresholds)(calls)
    .map((b) => ({ start: b.x0 ?? 0, end: b.x1 ?? duration, count: b.length }));
  return { bins, trouble, binSeconds, highest: max(bins, (b) => b.count) ?? 0 };
}

/** Tick times at whole days, or hours, or ten minutes, whichever gives a few. */
function tickTimes(duration: number): number[] {
  const step =
    [600, 1800, 3600, 3 * 3600, 6 * 3600, 86_400, 7 * 86_400].find((s) => duration / s <= 8) ??
    30 * 86_400;
  const ticks: number[] = [];
  for (let at = 0; at <= duration; at += step) ticks.push(at);
  return ticks;
}
