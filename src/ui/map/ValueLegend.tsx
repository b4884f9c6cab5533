/** Legend of a value scale: a colour bar with its ends and middle labelled. */
import { differenceColour, shareColour } from './scales.ts';

const STOPS = 10;

export function ValueLegend({
  title,
  scale,
  limit,
  format,
}: {
  title: string;
  scale: 'share' | 'difference';
  /** Half-width of a difference scale (the largest absolute value). */
  limit: number;
  format(value: number): string;
}) {
  const [low, high] = scale === 'share' ? [0, 1] : [-limit, limit];
  const colour = scale === 'share' ? shareColour : differenceColour(limit);
  const stops = Array.from({ length: STOPS + 1 }, (_, index) => {
    const value = low + ((high - low) * index) / STOPS;
    return `${colour(value)} ${(index / STOPS) * 100}%`;
  });
  return (
    <figure className="map-value-legend" data-testid="map-legend">
      <figcaption>{title}</figcaption>
      <div
        className="map-value-bar"
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
      />
      <div className="map-value-ticks">
        <span>{format(low)}</span>
        <span>{format((low + high) / 2)}</span>
        <span>{format(high)}</span>
      </div>
    </figure>
  );
}
