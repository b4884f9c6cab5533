/**
 * The city map: districts, roads, bases and their units, drawn from the scenario alone (no
 * tiles, nothing from the network), with zoom and pan (d3-zoom), selection, a choropleth, dots
 * and an overlay that follows zoom and pan. React draws the elements; D3 projects, colours and
 * handles zooming, which moves one group's transform without re-rendering anything.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useLanguage, useStrings } from '../i18n.ts';
import { extentPoints, mapGeometry, type MapBase, type MapGeometry } from './geometry.ts';
import { HospitalLayer } from './HospitalLayer.tsx';
import { IsochroneControls, IsochroneLayer, useIsochrones } from './Isochrones.tsx';
import {
  edgePaths,
  oneWayArrows,
  fittedProjection,
  labelPoint,
  nearestNode,
  projectNodes,
  ringsPath,
  type ProjectedNodes,
} from './projection.ts';
import { differenceLimit, valueColour } from './scales.ts';
import { mapStrings } from './strings.ts';
import type { CityMapProps, DistrictFill, MapPoint, MapSelection, Projector } from './types.ts';
import { ValueLegend } from './ValueLegend.tsx';
import './map.css';

const DEFAULT_HEIGHT = 480;
const MAX_ZOOM = 60;
/** How near (in screen pixels) a click must be to a road node to pick it. */
const NODE_PICK_RADIUS = 4;

type Strings = typeof mapStrings.zh;

/**
 * Draws its children at a fixed size on screen wherever the map is zoomed to: base markers,
 * dots, labels, the replay's units. `at` is in the map's coordinates (from the projector).
 */
export function MapMarker({
  at,
  children,
  className,
}: {
  at: readonly [number, number];
  children: ReactNode;
  className?: string;
}) {
  if (!Number.isFinite(at[0]) || !Number.isFinite(at[1])) return null;
  return (
    <g transform={`translate(${at[0]},${at[1]})`} className={className}>
      <g className="map-scaled">{children}</g>
    </g>
  );
}

export function CityMap(props: CityMapProps) {
  const { doc, ariaLabel, selection = null, onSelect, districtFill, points, overlay } = props;
  const strings = useStrings(mapStrings);
  const language = useLanguage();
  const geometry = useMemo(() => mapGeometry(doc, language), [doc, language]);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomedRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const scaleRef = useRef(1);
  const size = useContainerSize(containerRef);
  const [hover, setHover] = useState<{ x: number; y: number; lines: string[] } | null>(null);

  const layers = { districts: true, roads: true, bases: true, ...props.layers };
  const [showIsochrones, setShowIsochrones] = useState(props.layers?.isochrones ?? false);
  const isochrones = useIsochrones(doc, showIsochrones && geometry.roads !== null);

  const projection = useMemo(
    () => fittedProjection(extentPoints(geometry), size.width, size.height),
    [geometry, size.width, size.height],
  );
  const project: Projector = useCallback(
    (lonLat) => (projection(lonLat as [number, number]) ?? [NaN, NaN]) as [number, number],
    [projection],
  );
  const nodes = useMemo(
    () => (geometry.roads ? projectNodes(geometry.roads, projection) : null),
    [geometry.roads, projection],
  );

  useZoom(svgRef, zoomedRef, zoomRef, scaleRef, size);

  const zoomBy = (factor: number) => {
    if (svgRef.current && zoomRef.current) {
      select(svgRef.current).transition().duration(200).call(zoomRef.current.scaleBy, factor);
    }
  };
  const resetZoom = () => {
    if (svgRef.current && zoomRef.current) {
      select(svgRef.current)
        .transition()
        .duration(200)
        .call(zoomRef.current.transform, zoomIdentity);
    }
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.target !== svgRef.current || !zoomRef.current) return;
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [60, 0],
      ArrowRight: [-60, 0],
      ArrowUp: [0, 60],
      ArrowDown: [0, -60],
    };
    if (event.key in pan) {
      const [dx, dy] = pan[event.key];
      select(svgRef.current).call(
        zoomRef.current.translateBy,
        dx / scaleRef.current,
        dy / scaleRef.current,
      );
    } else if (event.key === '+' || event.key === '=') zoomBy(1.5);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / 1.5);
    else if (event.key === '0') resetZoom();
    else return;
    event.preventDefault();
  };

  /** Bases first, then a road node near the pointer, then the district under it. */
  const pick = (target: Element, clientX: number, clientY: number): MapSelection => {
    const base = target.closest('[data-base-id]')?.getAttribute('data-base-id');
    if (base) return { kind: 'base', id: base };
    if (nodes && layers.roads && zoomedRef.current) {
      const matrix = zoomedRef.current.getScreenCTM();
      if (matrix) {
        const local = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
        const node = nearestNode(nodes, local.x, local.y, NODE_PICK_RADIUS / scaleRef.current);
        if (node >= 0) return { kind: 'roadNode', index: node };
      }
    }
    const district = target.closest('[data-district-id]')?.getAttribute('data-district-id');
    return district ? { kind: 'district', id: district } : null;
  };

  /** The [lon, lat] under a point of the screen, through zoom and pan. */
  const locate = (clientX: number, clientY: number): [number, number] | null => {
    const matrix = zoomedRef.current?.getScreenCTM();
    if (!matrix || !projection.invert) return null;
    const local = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    const lonLat = projection.invert([local.x, local.y]);
    return lonLat && Number.isFinite(lonLat[0]) && Number.isFinite(lonLat[1])
      ? [lonLat[0], lonLat[1]]
      : null;
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = containerRef.current?.getBoundingClientRect();
    const lines = box
      ? describe(event.target as Element, geometry, districtFill, points, strings)
      : [];
    setHover(
      box && lines.length > 0
        ? { x: event.clientX - box.left, y: event.clientY - box.top, lines }
        : null,
    );
  };

  const selectable = onSelect !== undefined;
  const height = props.height ?? DEFAULT_HEIGHT;
  return (
    <div className="map" data-testid={props.testId ?? 'city-map'}>
      <div className="map-frame" ref={containerRef} style={{ height }}>
        <svg
          ref={svgRef}
          className="map-svg"
          width={size.width}
          height={size.height}
          role="group"
          aria-label={`${ariaLabel} (${strings.keyboardHint})`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onClick={
            selectable || props.onLocate
              ? (event) => {
                  const picked = pick(event.target as Element, event.clientX, event.clientY);
                  onSelect?.(picked);
                  const lonLat = locate(event.clientX, event.clientY);
                  if (lonLat) props.onLocate?.(lonLat, picked);
                }
              : undefined
          }
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        >
          {/* Drawn once the frame's size is known: a city's roads are not drawn twice. */}
          <g ref={zoomedRef} visibility={size.measured ? undefined : 'hidden'}>
            {size.measured && layers.districts && (
              <DistrictLayer
                geometry={geometry}
                projection={projection}
                fill={districtFill}
                selectable={selectable}
                onSelect={onSelect}
                strings={strings}
              />
            )}
            {size.measured && layers.roads && geometry.roads && nodes && !isochrones.active && (
              <RoadLayer geometry={geometry} nodes={nodes} />
            )}
            {isochrones.active && geometry.roads && nodes && isochrones.result?.ok && (
              <IsochroneLayer
                roads={geometry.roads}
                nodes={nodes}
                seconds={isochrones.result.seconds}
              />
            )}
            {points && (
              <PointLayer
                points={points}
                project={project}
                scale={props.pointScale ?? districtFill?.scale ?? 'share'}
              />
            )}
            {layers.bases && (
              <BaseLayer
                bases={geometry.bases}
                project={project}
                selectable={selectable}
                onSelect={onSelect}
                strings={strings}
              />
            )}
            {layers.bases && geometry.hospitals && (
              <HospitalLayer hospitals={geometry.hospitals} project={project} />
            )}
            {/* Over the bases: a district's name and value stay readable in a crowded centre. */}
            {layers.districts && (
              <DistrictLabels geometry={geometry} projection={projection} fill={districtFill} />
            )}
            <SelectionMark
              selection={selection}
              geometry={geometry}
              projection={projection}
              project={project}
              nodes={nodes}
            />
            {overlay?.(project)}
          </g>
        </svg>
        <div className="map-zoom-buttons">
          <button
            type="button"
            onClick={() => zoomBy(1.5)}
            aria-label={strings.zoomIn}
            title={strings.zoomIn}
            data-testid="map-zoom-in"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => zoomBy(1 / 1.5)}
            aria-label={strings.zoomOut}
            title={strings.zoomOut}
            data-testid="map-zoom-out"
          >
            −
          </button>
          <button
            type="button"
            onClick={resetZoom}
            aria-label={strings.resetZoom}
            title={strings.resetZoom}
            data-testid="map-zoom-reset"
          >
            ⟲
          </button>
        </div>
        {hover && (
          <div
            className="map-tooltip"
            // The pointer's tooltip repeats what each shape's label says: not read aloud.
            aria-hidden="true"
            style={{ left: Math.min(hover.x + 14, size.width - 240), top: hover.y + 14 }}
          >
            {hover.lines.map((line, index) => (
              <div key={index} className={index === 0 ? 'map-tooltip-title' : undefined}>
                {line}
              </div>
            ))}
          </div>
        )}
      </div>
      <div className="map-legends">
        {districtFill && (
          <ValueLegend
            title={districtFill.legend}
            scale={districtFill.scale}
            limit={differenceLimit(Object.values(districtFill.values))}
            format={districtFill.format}
          />
        )}
        <IsochroneControls
          state={isochrones}
          hasRoads={geometry.roads !== null}
          shown={showIsochrones}
          onShow={setShowIsochrones}
        />
      </div>
    </div>
  );
}

/** The container's size in pixels, followed as it changes. */
function useContainerSize(ref: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ width: 800, height: DEFAULT_HEIGHT, measured: false });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const width = Math.max(200, Math.floor(element.clientWidth));
      const height = Math.max(160, Math.floor(element.clientHeight));
      setSize((old) =>
        old.measured && old.width === width && old.height === height
          ? old
          : { width, height, measured: true },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** Wheel, drag and pinch zoom on the SVG; the zoomed group's transform is set directly. */
function useZoom(
  svgRef: React.RefObject<SVGSVGElement | null>,
  zoomedRef: React.RefObject<SVGGElement | null>,
  zoomRef: React.RefObject<ZoomBehavior<SVGSVGElement, unknown> | null>,
  scaleRef: React.RefObject<number>,
  size: { width: number; height: number },
) {
  useEffect(() => {
    const svg = svgRef.current;
    const zoomed = zoomedRef.current;
    if (!svg || !zoomed) return;
    const extent: [[number, number], [number, number]] = [
      [0, 0],
      [size.width, size.height],
    ];
    const behaviour = zoom<SVGSVGElement, unknown>()
      .extent(extent)
      .translateExtent(extent)
      .scaleExtent([1, MAX_ZOOM])
      .on('zoom', (event: { transform: { k: number; toString(): string } }) => {
        zoomed.setAttribute('transform', event.transform.toString());
        scaleRef.current = event.transform.k;
        // Markers, dots and labels keep their size on screen (see .map-scaled in map.css).
        svg.style.setProperty('--map-inverse-zoom', String(1 / event.transform.k));
      });
    zoomRef.current = behaviour;
    const selection = select(svg);
    selection.call(behaviour).call(behaviour.transform, zoomIdentity);
    return () => {
      selection.on('.zoom', null);
      zoomRef.current = null;
    };
  }, [svgRef, zoomedRef, zoomRef, scaleRef, size.width, size.height]);
}

/** Tooltip lines for the element under the pointer. */
function describe(
  target: Element,
  geometry: MapGeometry,
  fill: DistrictFill | undefined,
  points: MapPoint[] | undefined,
  strings: Strings,
): string[] {
  const baseId = target.closest('[data-base-id]')?.getAttribute('data-base-id');
  const base = baseId ? geometry.bases.find((candidate) => candidate.id === baseId) : undefined;
  if (base) return baseLines(base, strings);
  const pointIndex = target.closest('[data-point-index]')?.getAttribute('data-point-index');
  const point = pointIndex ? points?.[Number(pointIndex)] : undefined;
  if (point) return [point.label ?? `${point.lon.toFixed(3)}, ${point.lat.toFixed(3)}`];
  const districtId = target.closest('[data-district-id]')?.getAttribute('data-district-id');
  const district = geometry.districts.find((candidate) => candidate.id === districtId);
  if (!district) return [];
  const lines = [
    strings.district(district.name || district.id),
    district.area === 'rural' ? strings.rural : strings.urban,
  ];
  if (fill) {
    const value = own(fill.values, district.id);
    lines.push(`${fill.legend}: ${value === undefined ? strings.noValue : fill.format(value)}`);
    const detail = fill.details && own(fill.details, district.id);
    if (detail) lines.push(detail);
  }
  return lines;
}

function baseLines(base: MapBase, strings: Strings): string[] {
  const total = base.units.reduce((sum, unit) => sum + unit.count, 0);
  return [
    strings.base(base.name || base.id),
    total > 0 ? strings.unitsAtBase(total) : strings.noUnits,
    ...base.units.map((unit) =>
      strings.unitLine(unit.name, unit.agencyName, strings.tier(unit.tier), unit.count),
    ),
  ];
}

const DistrictLayer = memo(function DistrictLayer({
  geometry,
  projection,
  fill,
  selectable,
  onSelect,
  strings,
}: {
  geometry: MapGeometry;
  projection: ReturnType<typeof fittedProjection>;
  fill: DistrictFill | undefined;
  selectable: boolean;
  onSelect: CityMapProps['onSelect'];
  strings: Strings;
}) {
  const colour = fill
    ? valueColour(fill.scale, differenceLimit(Object.values(fill.values)))
    : undefined;
  return (
    <g className="map-districts">
      {geometry.districts.map((district) => {
        const value = fill && own(fill.values, district.id);
        const name = district.name || district.id;
        return (
          <path
            key={district.id}
            d={ringsPath(district.rings, projection)}
            className={`map-district map-district-${district.area}${value !== undefined ? ' map-district-filled' : ''}`}
            style={colour && value !== undefined ? { fill: colour(value) } : undefined}
            data-district-id={district.id}
            data-testid={`map-district-${district.id}`}
            tabIndex={selectable ? 0 : undefined}
            role={selectable ? 'button' : undefined}
            aria-label={
              strings.district(name) +
              (fill && value !== undefined ? `: ${fill.legend} ${fill.format(value)}` : '') +
              (fill?.details && own(fill.details, district.id)
                ? `, ${own(fill.details, district.id)}`
                : '')
            }
            onKeyDown={
              selectable
                ? (event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    onSelect?.({ kind: 'district', id: district.id });
                  }
                : undefined
            }
          />
        );
      })}
    </g>
  );
});

const DistrictLabels = memo(function DistrictLabels({
  geometry,
  projection,
  fill,
}: {
  geometry: MapGeometry;
  projection: ReturnType<typeof fittedProjection>;
  fill: DistrictFill | undefined;
}) {
  return (
    <g className="map-district-labels" aria-hidden="true">
      {geometry.districts.map((district) => {
        const at = labelPoint(district.rings, projection);
        if (!at) return null;
        const value = fill && own(fill.values, district.id);
        return (
          <MapMarker key={district.id} at={at}>
            {/* Above the centre, where a district's main base often is. */}
            <text className="map-district-name" y={value === undefined ? -10 : -24}>
              {district.name || district.id}
            </text>
            {fill && value !== undefined && (
              <text className="map-district-value" y={-10}>
                {fill.format(value)}
              </text>
            )}
          </MapMarker>
        );
      })}
    </g>
  );
});

const RoadLayer = memo(function RoadLayer({
  geometry,
  nodes,
}: {
  geometry: MapGeometry;
  nodes: ProjectedNodes;
}) {
  const roads = geometry.roads!;
  const paths = useMemo(
    () => edgePaths(roads, nodes, (edge) => roads.edges[edge].roadClass),
    [roads, nodes],
  );
  const arrows = useMemo(() => oneWayArrows(roads, nodes), [roads, nodes]);
  // Slowest underneath, so that expressways stay visible where roads cross.
  const order = [...roads.classes].reverse();
  return (
    <g className="map-roads" aria-hidden="true">
      {order.map((roadClass) => (
        <path
          key={roadClass}
          d={paths.get(roadClass) ?? ''}
          className={`map-road map-road-${roadClass}`}
          data-road-class={roadClass}
        />
      ))}
      {arrows.count > 0 && (
        <path
          d={arrows.d}
          className="map-road-one-way"
          data-testid="map-one-way"
          data-count={arrows.count}
        />
      )}
    </g>
  );
});

function PointLayer({
  points,
  project,
  scale,
}: {
  points: MapPoint[];
  project: Projector;
  scale: 'share' | 'difference';
}) {
  const colour = valueColour(scale, differenceLimit(points.map((point) => point.value)));
  const maxWeight = Math.max(1, ...points.map((point) => point.weight ?? 1));
  return (
    <g className="map-points" data-testid="map-points">
      {points.map((point, index) => (
        <MapMarker key={index} at={project([point.lon, point.lat])}>
          <circle
            r={2.5 + 6 * Math.sqrt((point.weight ?? 1) / maxWeight)}
            className="map-point"
            style={{ fill: colour(point.value) }}
            data-point-index={index}
          />
        </MapMarker>
      ))}
    </g>
  );
}

function BaseLayer({
  bases,
  project,
  selectable,
  onSelect,
  strings,
}: {
  bases: MapBase[];
  project: Projector;
  selectable: boolean;
  onSelect: CityMapProps['onSelect'];
  strings: Strings;
}) {
  return (
    <g className="map-bases">
      {bases.map((base) => {
        const total = base.units.reduce((sum, unit) => sum + unit.count, 0);
        const tier = Math.min(3, ...base.units.map((unit) => unit.tier));
        return (
          <g
            key={base.id}
            data-base-id={base.id}
            data-testid={`map-base-${base.id}`}
            tabIndex={selectable ? 0 : undefined}
            role={selectable ? 'button' : undefined}
            aria-label={baseLines(base, strings).slice(0, 2).join('，')}
            onKeyDown={
              selectable
                ? (event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    onSelect?.({ kind: 'base', id: base.id });
                  }
                : undefined
            }
          >
            <MapMarker at={project(base.location)} className={`map-base map-base-tier${tier}`}>
              <rect x={-5} y={-5} width={10} height={10} rx={2} className="map-base-mark" />
              {total > 0 && (
                <text x={8} y={-5} className="map-base-count">
                  {total}
                </text>
              )}
            </MapMarker>
          </g>
        );
      })}
    </g>
  );
}

function SelectionMark({
  selection,
  geometry,
  projection,
  project,
  nodes,
}: {
  selection: MapSelection;
  geometry: MapGeometry;
  projection: ReturnType<typeof fittedProjection>;
  project: Projector;
  nodes: ProjectedNodes | null;
}) {
  if (!selection) return null;
  if (selection.kind === 'district') {
    const district = geometry.districts.find((candidate) => candidate.id === selection.id);
    if (!district) return null;
    return (
      <path
        d={ringsPath(district.rings, projection)}
        className="map-selected-district"
        data-testid="map-selected"
      />
    );
  }
  if (selection.kind === 'roadNode') {
    if (!nodes || !(selection.index < nodes.x.length)) return null;
    return (
      <MapMarker at={[nodes.x[selection.index], nodes.y[selection.index]]}>
        <circle r={6} className="map-selected-mark" data-testid="map-selected" />
      </MapMarker>
    );
  }
  // A unit is shown where it is based ("unit-3#2" is the second of "unit-3").
  const base =
    selection.kind === 'base'
      ? geometry.bases.find((candidate) => candidate.id === selection.id)
      : geometry.bases.find((candidate) =>
          candidate.units.some((unit) => unit.id === selection.id.replace(/#\d+$/, '')),
        );
  if (!base) return null;
  return (
    <MapMarker at={project(base.location)}>
      <circle r={10} className="map-selected-mark" data-testid="map-selected" />
    </MapMarker>
  );
}

/** A record's own entry for an id from the scenario ("constructor" is an id, not a method). */
function own<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
