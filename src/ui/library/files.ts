/**
 * Reading and writing files in the page: a scenario file checked by the worker's loader before
 * it replaces anything, the export as a download, and which kind of file a dropped file is.
 */
import type { BinaryFile } from '../../scenarios/geo/shapefile.ts';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import { cut, loaderText } from '../../scenarios/messages.ts';
import { LIMITS } from '../../scenarios/schema.ts';
import { checkScenarioText, scenarioInfo } from '../../worker/client.ts';
import type { Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

/** A file the planner gave the page, read as text. */
export interface TextFile {
  name: string;
  text: string;
  /** The file's bytes, for a reader that decodes them itself (the call import: GBK, .xlsx). */
  bytes?: Uint8Array;
  /** A shapefile's parts (.shp, .dbf, .prj, .cpg, or a .zip of them) as bytes; text is ''. */
  parts?: BinaryFile[];
}

/** Files whose bytes are read by their import (a workbook is no text; a CSV's encoding can be chosen). */
export function readAsBytes(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name);
}

export type ScenarioFileCheck =
  { ok: true; doc: ScenarioDoc } | { ok: false; errors: ScenarioProblem[] };

/** Parses and checks a scenario file; the workspace is touched only if this says ok. */
export async function checkScenarioFile(
  file: TextFile,
  language: Language,
): Promise<ScenarioFileCheck> {
  const bytes = new TextEncoder().encode(file.text).length;
  if (bytes > LIMITS.fileBytes) {
    return {
      ok: false,
      errors: [{ path: '', message: loaderText.tooLarge[language](bytes, LIMITS.fileBytes) }],
    };
  }
  let data: unknown;
  const text = file.text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: jsonErrorMessage(file.text, error, language) }],
    };
  }
  // The worker reads the text itself (a copy of bytes), not a copy of every object.
  const info =
    data !== null && typeof data === 'object'
      ? await checkScenarioText(text, data, language)
      : await scenarioInfo({ input: data }, language);
  if (!info.ok) return { ok: false, errors: info.errors };
  return { ok: true, doc: data as ScenarioDoc };
}

/** The loader's "not JSON" sentence, with the line and column where parsing stopped. */
function jsonErrorMessage(text: string, error: unknown, language: Language): string {
  const reason = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(reason);
  let where = '';
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    where =
      language === 'zh' ? `第 ${line} 行第 ${column} 列` : `at line ${line}, column ${column}`;
  }
  return loaderText.notJson[language](where, loaderText.jsonReason[language](cut(reason, 200)));
}

/** `default-city.json`: the scenario's id, else its origin's name. */
export function exportFileName(doc: ScenarioDoc, fallback: string): string {
  const id = typeof doc.id === 'string' && doc.id.trim() ? doc.id.trim() : fallback;
  const safe = id.replace(/\.json$/i, '').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe || 'scenario'}.json`;
}

export function scenarioJson(doc: ScenarioDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Hands text to the browser as a download (a Blob behind an <a download>). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type DroppedKind = 'scenario' | 'calls' | 'roads' | 'districts' | 'unknown';

/**
 * What a dropped file is for, from its name and a look at its content: a .json scenario, a .csv
 * call history, OSM XML roads, or GeoJSON (roads if it has lines, districts if polygons).
 */
export function droppedKind(file: TextFile): DroppedKind {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.xlsx')) return 'calls';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'roads';
  if (!name.endsWith('.json') && !name.endsWith('.geojson')) return 'unknown';
  const geometry = /"type"\s*:\s*"(Multi)?(LineString|Polygon)"/.exec(file.text);
  const isGeoJson = /"type"\s*:\s*"Feature(Collection)?"/.test(file.text.slice(0, 2000));
  if (!isGeoJson && !name.endsWith('.geojson')) return 'scenario';
  if (geometry?.[2] === 'Polygon') return 'districts';
  return 'roads';
}
