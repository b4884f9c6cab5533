/**
 * The road import's reading, off the page's main thread: the file parsed once (OSM ways, or the
 * features of a GeoJSON file or shapefile), its roads for a coordinate system and property
 * mapping, and the road graph for a class mapping. The parsed file, the lines and the last graph
 * stay here; the page gets what it shows (class counts, warnings, the summary's figures) and the
 * graph itself only when the planner imports it. Problems come back in the planner's language,
 * as the readers in src/scenarios/geo/ word them. One state per worker: the dialog starts its
 * own worker for each file and ends it when it closes.
 */
import {
  buildRoadGraph,
  featurePropertyNames,
  featuresToWgs84,
  linesToWgs84,
  parseGeoJson,
  readShapefile,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  type BinaryFile,
  type Crs,
  type GeoJsonFeature,
  type GeoProblem,
  type RoadGraphPart,
  type RoadLines,
  type RoadPropertyMapping,
} from '../scenarios/importGeo.ts';
import type { Language } from '../scenarios/messages.ts';

export type RoadFormat = 'osm' | 'geojson' | 'shapefile';

/** What the dialog hands over: the file's text, or a shapefile's parts as bytes. */
export interface RoadSource {
  format: RoadFormat;
  text: string;
  parts?: BinaryFile[];
}

/** Target of a source class: an existing class of the scenario, or a new one with a speed. */
export type ClassChoice = { existing: string } | { newSpeed: string };

export type RoadClassData = { speedKmh: number; hourFactors?: number[] };

type Failed = { ok: false; errors: GeoProblem[] };

export type OpenAnswer = { ok: true; propertyNames: string[]; encoding?: string } | Failed;

export type LinesAnswer =
  { ok: true; counts: [string, number][]; skipped: number; warnings: GeoProblem[] } | Failed;

export type GraphAnswer =
  | {
      ok: true;
      nodes: number;
      edges: number;
      totalLengthM: number;
      oneWayEdges: number;
      contractedNodes: number;
    }
  | Failed;

interface State {
  osm: RoadLines | null;
  /** An OSM file's warnings: they come with its roads. */
  osmWarnings: GeoProblem[];
  features: GeoJsonFeature[] | null;
  lines: RoadLines | null;
  graph: RoadGraphPart<RoadClassData> | null;
}

const state: State = { osm: null, osmWarnings: [], features: null, lines: null, graph: null };

/** Reads the file: OSM ways, or the features of GeoJSON or a shapefile. */
function openRoadFile(source: RoadSource, language: Language): OpenAnswer {
  state.osm = state.features = state.lines = state.graph = null;
  if (source.format === 'osm') {
    const read = roadLinesFromOsm(source.text, language);
    if (!read.ok) return read;
    state.osm = read.value;
    state.osmWarnings = read.warnings ?? [];
    return { ok: true, propertyNames: [] };
  }
  if (source.format === 'shapefile') {
    const read = readShapefile(source.parts ?? [], language);
    if (!read.ok) return read;
    state.features = read.value.features;
    return {
      ok: true,
      propertyNames: featurePropertyNames(read.value.features),
      encoding: read.value.encoding,
    };
  }
  const read = parseGeoJson(source.text, language);
  if (!read.ok) return read;
  state.features = read.value;
  return { ok: true, propertyNames: featurePropertyNames(read.value) };
}

/** The roads of the file read, in WGS-84 from `crs`, with the properties `mapping` names. */
function roadsFor(crs: Crs, mapping: RoadPropertyMapping, language: Language): LinesAnswer {
  state.lines = state.graph = null;
  if (state.osm) {
    state.lines = { ...state.osm, lines: linesToWgs84(state.osm.lines, crs) };
    return answerLines(state.lines, state.osmWarnings);
  }
  if (!state.features) return { ok: false, errors: [] };
  const read = roadLinesFromGeoJson(featuresToWgs84(state.features, crs), mapping, language);
  if (!read.ok) return read;
  state.lines = read.value;
  return answerLines(read.value, read.warnings ?? []);
}

function answerLines(lines: RoadLines, warnings: GeoProblem[]): LinesAnswer {
  return { ok: true, counts: sourceClassCounts(lines.lines), skipped: lines.skipped, warnings };
}

/** Name of the class made for a source class: the source's own name ('road' if it has none). */
export function newClassName(source: string): string {
  return source || 'road';
}

/** The road graph of the roads last read, each source class mapped as `choices` say. */
function graphFor(
  choices: Record<string, ClassChoice>,
  existing: Record<string, RoadClassData>,
  language: Language,
): GraphAnswer {
  state.graph = null;
  if (!state.lines) return { ok: false, errors: [] };
  const classes: Record<string, RoadClassData> = { ...existing };
  const targetOf = (source: string) => {
    const choice = choices[source];
    return choice && 'existing' in choice ? choice.existing : newClassName(source);
  };
  for (const [source, choice] of Object.entries(choices)) {
    // A new class takes the source's name, replacing an existing class of that name if any.
    if ('newSpeed' in choice) classes[newClassName(source)] = { speedKmh: Number(choice.newSpeed) };
  }
  const built = buildRoadGraph(state.lines.lines, targetOf, classes, language);
  if (!built.ok) return built;
  const { graph, totalLengthM, oneWayEdges, contractedNodes } = built.value;
  state.graph = graph;
  return {
    ok: true,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    totalLengthM,
    oneWayEdges,
    contractedNodes,
  };
}

/** The graph last built, for the edit that puts it into the scenario. */
function builtGraph(): RoadGraphPart<RoadClassData> | null {
  return state.graph;
}

export const roadImportApi = { openRoadFile, roadsFor, graphFor, builtGraph };
export type RoadImportApi = typeof roadImportApi;
