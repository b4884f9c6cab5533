/**
 * The roads of an OpenStreetMap XML extract (as from the OSM website's export or Overpass):
 * ways with a `highway` tag for vehicles, their class the highway value and their speed limit
 * (`maxspeed`), one-way streets kept one-way (`oneway=yes|-1`, and roundabouts and motorways,
 * which are one-way unless tagged otherwise). Relations are ignored.
 */
import type { LonLat } from '../../lib/geo.ts';
import type { Language } from '../messages.ts';
import { LIMITS } from '../schema.ts';
import { failure, geoText, tooLargeMessage, type GeoProblem, type GeoResult } from './problems.ts';
import {
  isVehicleRoad,
  maxSpeedKmh,
  oneWayValue,
  withSpeedLimit,
  type Direction,
  type RoadLine,
  type RoadLines,
} from './roads.ts';
import { xmlTags } from './xml.ts';

interface OsmWay {
  id: string;
  line: number;
  refs: string[];
  tags: Record<string, string>;
}

/** Highway classes that OSM treats as one-way when they carry no `oneway` tag. */
const IMPLIED_ONE_WAY = new Set(['motorway', 'motorway_link']);
const ROUNDABOUTS = new Set(['roundabout', 'circular']);

/** Which way a way may be driven, and the warning when its `oneway` value is not understood. */
export function osmDirection(tags: Readonly<Record<string, string>>): {
  direction: Direction;
  unknown?: string;
} {
  const value = tags.oneway;
  if (value === undefined) {
    const implied = IMPLIED_ONE_WAY.has(tags.highway) || ROUNDABOUTS.has(tags.junction ?? '');
    return { direction: implied ? 'forward' : 'both' };
  }
  const direction = oneWayValue(value);
  return direction ? { direction } : { direction: 'both', unknown: value };
}

export function roadLinesFromOsm(source: string, language: Language): GeoResult<RoadLines> {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > LIMITS.fileBytes) return failure('', tooLargeMessage(bytes, language));
  const nodes = new Map<string, LonLat>();
  const ways: OsmWay[] = [];
  const errors: GeoProblem[] = [];
  let sawOsm = false;
  let way: OsmWay | null = null;
  // Open elements, to catch a file cut short or with mismatched tags (say so, not "no roads").
  const open: Array<{ name: string; line: number }> = [];
  for (const tag of xmlTags(source)) {
    if ('error' in tag) return failure(`line ${tag.line}`, geoText.badXml[language](tag.error));
    if (tag.closing) {
      const top = open.pop();
      if (top?.name !== tag.name) {
        const what = top ? `</${tag.name}> ≠ <${top.name}> (line ${top.line})` : `</${tag.name}>`;
        return failure(`line ${tag.line}`, geoText.badXml[language](what));
      }
      if (tag.name === 'way' && way) {
        ways.push(way);
        way = null;
      }
      continue;
    }
    if (!tag.selfClosing) open.push({ name: tag.name, line: tag.line });
    const { attributes } = tag;
    if (tag.name === 'nd') {
      if (way && attributes.ref) way.refs.push(attributes.ref);
    } else if (tag.name === 'node') {
      const lat = Number(attributes.lat);
      const lon = Number(attributes.lon);
      const id = attributes.id ?? '?';
      if (!(attributes.lat && attributes.lon && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
        errors.push({ path: `line ${tag.line}`, message: geoText.badNode[language](id) });
      } else nodes.set(id, [lon, lat]);
    } else if (tag.name === 'tag') {
      if (way && attributes.k) way.tags[attributes.k] = attributes.v ?? '';
    } else if (tag.name === 'way') {
      const current: OsmWay = { id: attributes.id ?? '?', line: tag.line, refs: [], tags: {} };
      if (tag.selfClosing) ways.push(current);
      else way = current;
    } else if (tag.name === 'osm') sawOsm = true;
  }
  if (!sawOsm) return failure('', geoText.notOsm[language]());
  const unclosed = open.pop();
  if (unclosed) {
    return failure(`line ${unclosed.line}`, geoText.badXml[language](`<${unclosed.name}> …`));
  }
  if (errors.length) return { ok: false, errors };

  const lines: RoadLine[] = [];
  const warnings: GeoProblem[] = [];
  let skipped = 0;
  for (const { id, refs, tags } of ways) {
    const highway = tags.highway;
    if (highway === undefined || !isVehicleRoad(highway) || tags.area === 'yes') {
      skipped++;
      continue;
    }
    const missing = refs.find((ref) => !nodes.has(ref));
    if (missing !== undefined) {
      errors.push({ path: `way ${id}`, message: geoText.missingNode[language](missing) });
      continue;
    }
    if (refs.length < 2) {
      errors.push({ path: `way ${id}`, message: geoText.tooFewPoints[language](2) });
      continue;
    }
    const { direction, unknown } = osmDirection(tags);
    if (unknown !== undefined) {
      warnings.push({
        path: `way ${id}`,
        message: geoText.badOneWay[language](unknown),
        kind: 'oneway',
      });
    }
    let limit: number | undefined;
    if (tags.maxspeed !== undefined) {
      limit = maxSpeedKmh(tags.maxspeed) ?? undefined;
      if (limit === undefined) {
        warnings.push({
          path: `way ${id}`,
          message: geoText.badMaxSpeed[language](tags.maxspeed),
          kind: 'maxspeed',
        });
      }
    }
    const ordered = direction === 'backward' ? [...refs].reverse() : refs;
    lines.push({
      points: ordered.map((ref) => nodes.get(ref)!),
      pointIds: ordered,
      sourceClass: withSpeedLimit(highway, limit),
      ...(direction !== 'both' && { oneWay: true }),
    });
  }
  if (errors.length) return { ok: false, errors };
  if (lines.length === 0) return failure('', geoText.noRoads[language]());
  return { ok: true, value: { lines, skipped }, warnings };
}
