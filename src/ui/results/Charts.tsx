/**
 * The report's charts, drawn as SVG by React with D3 scales: response-time histogram and ECDF
 * with the arrival targets as vertical lines, utilisation bars with confidence whiskers, and the
 * small interval bar of the tables. Colours and fonts are attributes, so exports look the same.
 */
import { scaleBand, scaleLinear, type ScaleLinear } from 'd3';
import { useRef, useState, type ReactNode } from 'react';
import type { Estimate } from '../../sim/analysis/report.ts';
import { downloadPng, downloadSvg } from './exports.ts';
import { CONCERN_SHARE, clampShare, type Distribution, type TargetLine } from './reportModel.ts';
import type { ResultsStrings } from './strings.ts';

const INK = '#1c2430';
const MUTED = '#5b6675';
const GRID = '#e3e8ee';
const BAR = '#1f3a5f';
const TARGET_COLOURS: Record<1 | 2, string> = { 1: '#b3261e', 2: '#9a5b00' };
const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

export interface ChartFormat {
  percent(share: number): string;
  number(value: number, digits?: number): string;
}

/** A chart with its title and its own export buttons. */
export function ChartFigure({
  testId,
  title,
  fileStem,
  t,
  children,
}: {
  testId: string;
  title: string;
  fileStem: string;
  t: ResultsStrings;
  children: (svgRef: React.RefObject<SVGSVGElement | null>) => ReactNode;
}) {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const exportAs = async (format: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    try {
      setFailure(null);
      if (format === 'svg') downloadSvg(svg, `${fileStem}.svg`);
      else await downloadPng(svg, `${fileStem}.png`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <figure className="results-chart" data-testid={testId}>
      <figcaption>
        <span className="results-chart-title">{title}</span>
        <span className="results-chart-exports results-no-print">
          <button
            type="button"
            data-testid={`${testId}-svg`}
            aria-label={t.exportChart(title, 'SVG')}
            onClick={() => void exportAs('svg')}
          >
            {t.exportSvg}
          </button>
          <button
            type="button"
            data-testid={`${testId}-png`}
            aria-label={t.exportChart(title, 'PNG')}
            onClick={() => void exportAs('png')}
          >
            {t.exportPng}
          </button>
        </span>
      </figcaption>
      {children(svgRef)}
      {failure && (
        <p className="field-error" role="alert">
          {t.exportFailed(failure)}
        </p>
      )}
    </figure>
  );
}

const WIDTH = 460;
const HEIGHT = 270;
const MARGIN = { top: 44, right: 14, bottom: 40, left: 52 };

interface TargetLabel {
  line: TargetLine;
  label: string;
}

function Axes({
  x,
  y,
  xLabel,
  yLabel,
  yFormat,
}: {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xLabel: string;
  yLabel: string;
  yFormat: (value: number) => string;
}) {
  const [bottom, top] = y.range();
  const [left, right] = x.range();
  return (
    <g fontFamily={FONT} fontSize={11} fill={MUTED}>
      {y.ticks(5).map((tick) => (
        <g key={`y${tick}`}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} />
          <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
            {yFormat(tick)}
          </text>
        </g>
      ))}
      {x.ticks(8).map((tick) => (
        <g key={`x${tick}`}>
          <line x1={x(tick)} x2={x(tick)} y1={bottom} y2={bottom + 4} stroke={MUTED} />
          <text x={x(tick)} y={bottom + 16} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={MUTED} strokeWidth={1} />
      <text x={(left + right) / 2} y={bottom + 33} textAnchor="middle" fill={INK}>
        {xLabel}
      </text>
      <text
        transform={`translate(12 ${(top + bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fill={INK}
      >
        {yLabel}
      </text>
    </g>
  );
}

/** Rough width of a label in 11-px type: CJK characters are square, Latin ones about half. */
function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 11 : 6.2;
  return width;
}

const LABEL_ROW_HEIGHT = 12;

/**
 * Target lines, labelled above the plot. Each label takes the first row where it does not
 * overlap a label already placed (near the right edge it goes to the left of its line).
 */
function TargetLines({
  x,
  y,
  targets,
}: {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  targets: TargetLabel[];
}) {
  const [bottom, top] = y.range();
  const right = x.range()[1];
  const rows: Array<Array<[number, number]>> = [];
  const placed = [...targets]
    .sort((a, b) => a.line.seconds - b.line.seconds)
    .map((target) => {
      const at = x(target.line.seconds / 60);
      const width = labelWidth(target.label);
      const leftward = at + 3 + width > right + MARGIN.right;
      const span: [number, number] = leftward ? [at - 3 - width, at] : [at, at + 3 + width];
      let row = rows.findIndex((spans) =>
        spans.every(([a, b]) => span[1] < a - 4 || span[0] > b + 4),
      );
      if (row < 0) row = rows.push([]) - 1;
      rows[row].push(span);
      return { ...target, at, leftward, row };
    });
  return (
    <g fontFamily={FONT} fontSize={11}>
      {placed.map(({ line, label, at, leftward, row }) => {
        const labelY = top - 6 - (rows.length - 1 - row) * LABEL_ROW_HEIGHT;
        return (
          <g
            key={`${line.tier}-${line.area}`}
            data-testid="target-line"
            data-minutes={line.seconds / 60}
          >
            <line
              x1={at}
              x2={at}
              y1={bottom}
              y2={labelY + 3}
              stroke={TARGET_COLOURS[line.tier]}
              strokeWidth={1.5}
              strokeDasharray="5 3"
            />
            <text
              x={leftward ? at - 3 : at + 3}
              y={labelY}
              textAnchor={leftward ? 'end' : 'start'}
              fill={TARGET_COLOURS[line.tier]}
              fontWeight={600}
            >
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function Histogram({
  distribution,
  targets,
  t,
  format,
  svgRef,
  title,
}: {
  distribution: Distribution;
  targets: TargetLabel[];
  t: ResultsStrings;
  format: ChartFormat;
  svgRef: React.RefObject<SVGSVGElement | null>;
  title: string;
}) {
  const x = scaleLinear()
    .domain([0, distribution.maxMinutes])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const highest = Math.max(...distribution.bins.map((bin) => bin.share), 0.01);
  const y = scaleLinear()
    .domain([0, highest])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={title}
      data-testid="histogram-svg"
    >
      <title>{title}</title>
      <Axes
        x={x}
        y={y}
        xLabel={t.minutesAxis}
        yLabel={t.shareAxis}
        yFormat={(v) => format.percent(v)}
      />
      <g fill={BAR} fillOpacity={0.85}>
        {distribution.bins.map((bin) =>
          bin.share > 0 ? (
            <rect
              key={bin.from}
              data-testid="histogram-bar"
              x={x(bin.from) + 0.5}
              width={Math.max(0.5, x(bin.to) - x(bin.from) - 1)}
              y={y(bin.share)}
              height={y(0) - y(bin.share)}
            >
              <title>{`${format.number(bin.from)}–${format.number(bin.to)}: ${format.percent(bin.share)}`}</title>
            </rect>
          ) : null,
        )}
      </g>
      <TargetLines x={x} y={y} targets={targets} />
    </svg>
  );
}

export function Ecdf({
  distribution,
  targets,
  t,
  format,
  svgRef,
  title,
}: {
  distribution: Distribution;
  targets: TargetLabel[];
  t: ResultsStrings;
  format: ChartFormat;
  svgRef: React.RefObject<SVGSVGElement | null>;
  title: string;
}) {
  const x = scaleLinear()
    .domain([0, distribution.maxMinutes])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  // The share is known at bin ends only: straight lines between them.
  const path = distribution.ecdf
    .map(([minutes, share], i) => `${i === 0 ? 'M' : 'L'}${x(minutes)},${y(share)}`)
    .join('');
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={title}
      data-testid="ecdf-svg"
    >
      <title>{title}</title>
      <Axes
        x={x}
        y={y}
        xLabel={t.minutesAxis}
        yLabel={t.cumulativeAxis}
        yFormat={(v) => format.percent(v)}
      />
      <path data-testid="ecdf-line" d={path} fill="none" stroke={BAR} strokeWidth={2} />
      <TargetLines x={x} y={y} targets={targets} />
    </svg>
  );
}

/** A bar per row with its confidence whisker, 0–100%, and the 80% line of concern. */
/** The width of a text at a font size, near enough for laying out labels. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\uffff]/.test(char) ? size : size * 0.58;
  return Math.ceil(width);
}

export function ShareBars({
  rows,
  format,
  svgRef,
  title,
  axisLabel,
}: {
  rows: Array<{ id: string; label: string; estimate: Estimate }>;
  format: ChartFormat;
  svgRef: React.RefObject<SVGSVGElement | null>;
  title: string;
  axisLabel: string;
}) {
  // Room for the longest name at 12 px: a Chinese character is about 12 px wide, a Latin
  // letter about 7; the bars keep at least 60% of the chart.
  const labelWidth = Math.min(
    Math.max(120, 16 + Math.max(0, ...rows.map((row) => textWidth(row.label, 12)))),
    0.4 * 720,
  );
  const width = 720;
  const rowHeight = 22;
  const top = 12;
  const bottom = 38;
  const height = top + rows.length * rowHeight + bottom;
  const x = scaleLinear()
    .domain([0, 1])
    .range([labelWidth, width - 56]);
  const y = scaleBand()
    .domain(rows.map((row) => row.id))
    .range([top, top + rows.length * rowHeight])
    .padding(0.25);
  const plotBottom = top + rows.length * rowHeight;
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      data-testid="share-bars-svg"
    >
      <title>{title}</title>
      <g fontFamily={FONT} fontSize={11} fill={MUTED}>
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={plotBottom} stroke={GRID} />
            <text x={x(tick)} y={plotBottom + 15} textAnchor="middle">
              {format.percent(tick)}
            </text>
          </g>
        ))}
        <text x={(x(0) + x(1)) / 2} y={plotBottom + 32} textAnchor="middle" fill={INK}>
          {axisLabel}
        </text>
      </g>
      {rows.map((row) => {
        const band = y(row.id) ?? 0;
        const middle = band + y.bandwidth() / 2;
        const mean = clampShare(row.estimate.mean);
        const hasInterval = Number.isFinite(row.estimate.low) && Number.isFinite(row.estimate.high);
        const strained = row.estimate.mean > CONCERN_SHARE;
        return (
          <g key={row.id} data-testid="share-bar" data-id={row.id} fontFamily={FONT} fontSize={12}>
            <text
              x={labelWidth - 8}
              y={middle}
              textAnchor="end"
              dominantBaseline="middle"
              fill={INK}
            >
              {row.label}
            </text>
            <rect
              x={x(0)}
              y={band}
              width={Math.max(0, x(Number.isFinite(mean) ? mean : 0) - x(0))}
              height={y.bandwidth()}
              fill={strained ? '#b3261e' : BAR}
              fillOpacity={0.8}
            />
            {hasInterval && (
              <g stroke={INK} strokeWidth={1.2}>
                <line
                  x1={x(clampShare(row.estimate.low))}
                  x2={x(clampShare(row.estimate.high))}
                  y1={middle}
                  y2={middle}
                />
                <line
                  x1={x(clampShare(row.estimate.low))}
                  x2={x(clampShare(row.estimate.low))}
                  y1={middle - 4}
                  y2={middle + 4}
                />
                <line
                  x1={x(clampShare(row.estimate.high))}
                  x2={x(clampShare(row.estimate.high))}
                  y1={middle - 4}
                  y2={middle + 4}
                />
              </g>
            )}
            <text x={width - 52} y={middle} dominantBaseline="middle" fill={INK} fontSize={11}>
              {format.percent(row.estimate.mean)}
            </text>
          </g>
        );
      })}
      <line
        x1={x(CONCERN_SHARE)}
        x2={x(CONCERN_SHARE)}
        y1={top - 4}
        y2={plotBottom}
        stroke="#b3261e"
        strokeDasharray="4 3"
        strokeWidth={1.2}
      />
    </svg>
  );
}

/** The interval of a share as a small bar: 0–100% track, whisker, mean dot and the 80% tick. */
export function CiBar({ estimate, label }: { estimate: Estimate; label: string }) {
  const width = 120;
  const x = scaleLinear()
    .domain([0, 1])
    .range([4, width - 4]);
  const hasInterval = Number.isFinite(estimate.low) && Number.isFinite(estimate.high);
  const mean = Number.isFinite(estimate.mean) ? clampShare(estimate.mean) : null;
  return (
    <svg
      className="results-ci-bar"
      viewBox={`0 0 ${width} 14`}
      width={width}
      height={14}
      role="img"
      aria-label={label}
    >
      <line x1={x(0)} x2={x(1)} y1={7} y2={7} stroke={GRID} strokeWidth={4} />
      <line
        x1={x(CONCERN_SHARE)}
        x2={x(CONCERN_SHARE)}
        y1={1}
        y2={13}
        stroke="#b3261e"
        strokeWidth={1}
      />
      {hasInterval && (
        <line
          x1={x(clampShare(estimate.low))}
          x2={x(clampShare(estimate.high))}
          y1={7}
          y2={7}
          stroke={BAR}
          strokeWidth={4}
          strokeOpacity={0.45}
        />
      )}
      {mean !== null && <circle cx={x(mean)} cy={7} r={3.5} fill={BAR} />}
    </svg>
  );
}
