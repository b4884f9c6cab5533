/**
 * A call stream's hour-of-day profile as a small bar chart the planner can draw on (drag
 * across the bars; one undo step per stroke), with the 24 values as fields below for exact
 * numbers and for the keyboard.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { useStrings } from '../i18n.ts';
import { NumberField } from './fields.tsx';
import { editorStrings } from './strings.ts';

const WIDTH = 480;
const HEIGHT = 90;
const BAR = WIDTH / 24;

export function HourProfileEditor({
  path,
  profile,
  onCommit,
}: {
  path: string;
  profile: readonly number[];
  /** A new profile, with what changed in words. */
  onCommit(profile: number[], what: string): void;
}) {
  const t = useStrings(editorStrings);
  const svg = useRef<SVGSVGElement>(null);
  // The profile being drawn, committed when the pointer is released.
  const [stroke, setStroke] = useState<number[] | null>(null);
  const values = stroke ?? [...profile];
  const top = Math.max(1, ...profile) * 1.25;

  const drawAt = (event: PointerEvent<SVGSVGElement>, current: number[]) => {
    const box = svg.current!.getBoundingClientRect();
    const hour = Math.floor(((event.clientX - box.left) / box.width) * 24);
    if (hour < 0 || hour > 23) return current;
    const share = 1 - (event.clientY - box.top) / box.height;
    const next = [...current];
    next[hour] = Math.max(0, Math.round(share * top * 100) / 100);
    return next;
  };

  return (
    <div className="editors-hours">
      <svg
        ref={svg}
        className="editors-hours-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
        role="img"
        aria-label={`${t.hourProfile}: ${values.map((v) => v.toString()).join(', ')}`}
        data-testid={`hour-chart-${path}`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setStroke(drawAt(event, values));
        }}
        onPointerMove={(event) => stroke && setStroke(drawAt(event, stroke))}
        onPointerUp={() => {
          if (stroke) onCommit(stroke, t.hourProfile);
          setStroke(null);
        }}
      >
        {values.map((value, hour) => {
          const height = (Math.min(value, top) / top) * HEIGHT;
          return (
            <g key={hour}>
              <rect
                x={hour * BAR + 1}
                y={HEIGHT - height}
                width={BAR - 2}
                height={Math.max(height, 0.5)}
                className="editors-hours-bar"
              />
              {hour % 3 === 0 && (
                <text x={hour * BAR + BAR / 2} y={HEIGHT + 12} className="editors-hours-axis">
                  {hour}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="editors-hours-values">
        {profile.map((value, hour) => (
          <NumberField
            key={hour}
            path={`${path}[${hour}]`}
            label={t.hour(hour)}
            value={value}
            onCommit={(next) => {
              const updated = [...profile];
              updated[hour] = next ?? 0;
              onCommit(updated, `${t.hourProfile} ${t.hour(hour)}`);
            }}
          />
        ))}
      </div>
    </div>
  );
}
