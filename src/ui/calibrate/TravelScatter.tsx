/**
 * Observed travel against the model's prediction, per trip, before (grey) and after (blue) the
 * fit, with the diagonal where they agree. At most MAX_POINTS trips are drawn (evenly taken).
 */
import type { TripPoint } from '../../calibrate/calibrate.ts';

const MAX_POINTS = 1500;
const SIZE = 320;
const PAD = 40;

export function TravelScatter(props: {
  trips: readonly TripPoint[];
  label: string;
  xLabel: string;
  yLabel: string;
}) {
  const step = Math.max(1, Math.ceil(props.trips.length / MAX_POINTS));
  const shown = props.trips.filter((t, i) => i % step === 0 && Number.isFinite(t.after));
  // The axes reach the 98th percentile of the times: a few very long trips (outliers left out
  // of the fit) would otherwise squeeze every other trip into a corner; they sit on the edge.
  const values = shown.flatMap((t) => [t.observed, t.after]).sort((a, b) => a - b);
  const top = Math.max(60, values[Math.floor(0.98 * (values.length - 1))] ?? 60) / 60;
  const limit = Math.ceil(top / 5) * 5;
  const scale = (minutes: number) => (Math.min(minutes, limit) / limit) * (SIZE - 2 * PAD);
  const x = (seconds: number) => PAD + scale(seconds / 60);
  const y = (seconds: number) => SIZE - PAD - scale(seconds / 60);
  const ticks = Array.from({ length: 6 }, (_, i) => (limit * i) / 5);
  return (
    <svg
      className="calibration-scatter"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={props.label}
      data-testid="calibration-scatter"
    >
      <line x1={x(0)} y1={y(0)} x2={x(limit * 60)} y2={y(limit * 60)} className="diagonal" />
      {ticks.map((tick) => (
        <g key={tick}>
          <text x={x(tick * 60)} y={SIZE - PAD + 14} textAnchor="middle">
            {tick}
          </text>
          <text x={PAD - 6} y={y(tick * 60) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      <line x1={x(0)} y1={y(0)} x2={x(limit * 60)} y2={y(0)} className="axis" />
      <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(limit * 60)} className="axis" />
      <text x={SIZE / 2} y={SIZE - 6} textAnchor="middle">
        {props.xLabel}
      </text>
      <text x={12} y={SIZE / 2} textAnchor="middle" transform={`rotate(-90 12 ${SIZE / 2})`}>
        {props.yLabel}
      </text>
      {shown.map((t, i) => (
        <circle key={`b${i}`} cx={x(t.before)} cy={y(t.observed)} r={2} className="before" />
      ))}
      {shown.map((t, i) => (
        <circle key={`a${i}`} cx={x(t.after)} cy={y(t.observed)} r={2} className="after" />
      ))}
    </svg>
  );
}
