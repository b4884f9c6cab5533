/**
 * The contract of the city map (src/ui/map/CityMap.tsx), shared by every view that draws one:
 * the scenario editor (select and edit), the coverage map, the comparison's map of changes and
 * the replay. Geometry comes from the scenario only: no tiles, nothing from the network.
 */
import type { ReactNode } from 'react';
import type { ScenarioDoc } from '../workspace/history.ts';

/** A thing on the map the user clicked (ids as in the scenario). */
export type MapSelection =
  | { kind: 'district'; id: string }
  | { kind: 'base'; id: string }
  | { kind: 'unit'; id: string }
  | { kind: 'roadNode'; index: number }
  | null;

/** Districts filled by a value: a share (0..1, e.g. coverage) or a signed difference. */
export interface DistrictFill {
  values: Record<string, number>;
  scale: 'share' | 'difference';
  /** How a value reads in the legend and the tooltip (e.g. "87%"). */
  format(value: number): string;
  legend: string;
  /** More about a district's value for its tooltip and label (e.g. the 95% interval), by id. */
  details?: Record<string, string>;
}

/** A place drawn as a dot coloured by its value on the same scale as `districtFill`. */
export interface MapPoint {
  lon: number;
  lat: number;
  value: number;
  /** Calls behind the value: the dot's size. */
  weight?: number;
  label?: string;
}

/** Projects [lon, lat] to the map's SVG coordinates (changes with zoom and pan). */
export type Projector = (lonLat: readonly [number, number]) => [number, number];

export interface CityMapProps {
  doc: ScenarioDoc;
  ariaLabel: string;
  selection?: MapSelection;
  onSelect?(selection: MapSelection): void;
  /** A click on the map, as [lon, lat] (with what was under it): placing things on the map. */
  onLocate?(lonLat: [number, number], selection: MapSelection): void;
  districtFill?: DistrictFill;
  points?: MapPoint[];
  pointScale?: 'share' | 'difference';
  /** Layers to draw; by default districts, roads and bases. */
  layers?: Partial<Record<'districts' | 'roads' | 'bases' | 'isochrones', boolean>>;
  /** Extra SVG over the map (the replay's units and incidents), in the map's coordinates. */
  overlay?: (project: Projector) => ReactNode;
  /** CSS height of the map; it takes its container's width. */
  height?: number | string;
  testId?: string;
}
