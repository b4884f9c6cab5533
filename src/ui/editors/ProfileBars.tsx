/**
 * A short profile (the week's seven days, a road class's 24 hourly speed factors) as a small
 * bar chart the planner can draw on (one undo step per stroke), with the values as fields
 * below for exact numbers and for the keyboard. A value that cannot be right is refused at its
 * field with the reason.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { NumberField } from './fields.tsx';

const WIDTH = 480;
const HEIGHT = 90;

export function ProfileBars({
  path,
  title,
  labels,
  values: profile,
  floor = 0,
  axisEvery = 1,
  validate,
  onCommit,
}: {
  path: string;
  title: string;
  /** One label per value (周一 … 周日, 0 时 … 23 时). */
  labels: readonly string[];
  values: readonly number[];
  /** The smallest value drawing may give (factors must stay above 0). */
  floor?: number;
  /** Label every n-th bar under the chart. */
  axisEvery?: number;
  validate?(value: number): string | null;
  /** A new profile, with what changed in words. */
  onCommit(profile: number[], what: string): void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [stroke, setStroke] = useState<number[] | null>(null);
  const values = stroke ?? [...profile];
  const bar = WIDTH / labels.length;
  const top = Math.max(1, ...profile) * 1.25;

  const drawAt = (event: PointerEvent<SVGSVGElement>, current: number[]) => {
    const box = svg.current!.getBoundingClientRect();
    const index = Math.floor(((event.clientX - box.left) / box.width) * labels.length);
    if (index < 0 || index >= labels.length) return current;
    const share = 1 - (event.clientY - box.top) / box.height;
    const next = [...current];
    next[index] = Math.max(floor, Math.round(share * top * 100) / 100);
    return next;
  };

  return (
    <div className="editors-hours">
      <svg
        ref={svg}
        className="editors-hours-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
        role="img"
        aria-label={`${title}: ${values.map((value, i) => `${labels[i]} ${value}`).join(', ')}`}
        data-testid={`profile-chart-${path}`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setStroke(drawAt(event, values));
        }}
        onPointerMove={(event) => stroke && setStroke(drawAt(event, stroke))}
        onPointerUp={() => {
          if (stroke) onCommit(stroke, title);
          setStroke(null);
        }}
      >
        {values.map((value, index) => {
          const height = (Math.min(value, top) / top) * HEIGHT;
          return (
            <g key={index}>
              <rect
                x={index * bar + 1}
                y={HEIGHT - height}
                width={bar - 2}
                height={Math.max(height, 0.5)}
                className="editors-hours-bar"
              />
              {index % axisEvery === 0 && (
                <text x={index * bar + bar / 2} y={HEIGHT + 12} className="editors-hours-axis">
                  {labels[index]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="editors-hours-values">
        {profile.map((value, index) => (
          <NumberField
            key={index}
            path={`${path}[${index}]`}
            label={labels[index]}
            value={value}
            validate={validate}
            onCommit={(next) => {
              const updated = [...profile];
              updated[index] = next ?? 0;
              onCommit(updated, `${title} ${labels[index]}`);
            }}
          />
        ))}
      </div>
    </div>
  );
}
