/**
 * The steps on a time axis: each step a bar from its planned time for its duration; steps with
 * no planned time (a condition, a manual release) follow the last planned one, hatched. With a
 * prediction, the predicted release (median, P10–P90) is drawn over each bar.
 */
import type { Step, StepPrediction } from '../../../drills/api.ts';
import { useStrings } from '../../i18n.ts';
import { drillClock } from '../consoleModel.ts';
import { drillStrings } from '../strings.ts';

const ROW = 18;
const LEFT = 150;
const WIDTH = 760;

export function Timeline({
  steps,
  planned,
  selected,
  onPick,
  predicted,
}: {
  steps: Step[];
  planned: Map<string, number | null>;
  selected?: number;
  onPick?(index: number): void;
  predicted?: StepPrediction[];
}) {
  const t = useStrings(drillStrings);
  const bars: Array<{ step: Step; start: number; duration: number; unplanned: boolean }> = [];
  let cursor = 0;
  for (const step of steps) {
    const at = planned.get(step.id);
    const start = at ?? cursor;
    const duration = Math.max(step.duration ?? 0, 30);
    cursor = Math.max(cursor, start + duration);
    bars.push({ step, start, duration, unplanned: at === null || at === undefined });
  }
  const predictedEnd = Math.max(0, ...(predicted ?? []).map((p) => p.releasedAt?.p90 ?? 0));
  const span = Math.max(600, cursor, predictedEnd);
  const x = (seconds: number) => LEFT + (seconds / span) * (WIDTH - LEFT - 10);
  const ticks = Array.from({ length: 7 }, (_, i) => Math.round((span * i) / 6 / 60) * 60);
  const height = steps.length * ROW + 30;
  return (
    <figure className="drill-timeline" data-testid="drill-timeline">
      <figcaption>
        {t.timeline} <span className="hint">{t.timelineHint}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH + 30} ${height}`}
        width={WIDTH + 30}
        style={{ maxWidth: '100%' }}
        role="img"
        aria-label={t.timeline}
      >
        {ticks.map((tick, i) => (
          <g key={i}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 18} className="tick" />
            <text x={x(tick)} y={height - 4} textAnchor="middle" className="tick-label">
              {drillClock(tick)}
            </text>
          </g>
        ))}
        {bars.map(({ step, start, duration, unplanned }, index) => {
          const y = index * ROW + 2;
          const p = predicted?.find((entry) => entry.step === step.id)?.releasedAt;
          return (
            <g
              key={index}
              className={`bar ${index === selected ? 'selected' : ''} ${unplanned ? 'unplanned' : ''}`}
              onClick={() => onPick?.(index)}
            >
              <text x={LEFT - 6} y={y + ROW * 0.65} textAnchor="end" className="bar-label">
                {`${index + 1}. ${step.title}`.slice(0, 18)}
              </text>
              <rect
                x={x(start)}
                y={y + 2}
                width={Math.max(2, x(start + duration) - x(start))}
                height={ROW - 6}
                rx={2}
              />
              {p && (
                <g className="predicted">
                  <line x1={x(p.p10)} x2={x(p.p90)} y1={y + ROW / 2} y2={y + ROW / 2} />
                  <circle cx={x(p.median)} cy={y + ROW / 2} r={3} />
                </g>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
