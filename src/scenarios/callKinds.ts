/**
 * A kind mapping file: which value of the kind column is which incident kind of the scenario.
 * JSON ({"Medical Incident": "medical", …}) or CSV with two columns, value then kind (a first
 * row whose kind is not a kind of the scenario is taken as the header). Every kind is checked.
 */
import { readCsv } from './callCsv.ts';
import { callText, shown } from './callImportText.ts';
import type { CallImportProblem } from './callCsv.ts';
import type { Language } from './messages.ts';

export interface KindMap {
  values: Record<string, string>;
  problems: CallImportProblem[];
}

export function readKindMap(
  text: string,
  knownKinds: ReadonlySet<string>,
  language: Language = 'en',
): KindMap {
  const t = callText[language];
  const values: Record<string, string> = {};
  const problems: CallImportProblem[] = [];
  const add = (line: number, value: string, kind: string) => {
    if (!knownKinds.has(kind))
      problems.push({ line, message: t.mapUnknownKind(shown(value), shown(kind)) });
    else values[value] = kind;
  };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { values, problems: [{ line: 1, message: t.mapNotJson((error as Error).message) }] };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { values, problems: [{ line: 1, message: t.mapNotJson('not an object') }] };
    for (const [value, kind] of Object.entries(parsed)) {
      if (typeof kind !== 'string') problems.push({ line: 1, message: t.mapNotText(shown(value)) });
      else add(1, value.trim(), kind.trim());
    }
    return { values, problems };
  }
  const csv = readCsv(text, language);
  problems.push(...csv.problems);
  csv.rows.forEach(({ line, cells }, index) => {
    const [value = '', kind = ''] = cells.map((cell) => cell.trim());
    if (index === 0 && !knownKinds.has(kind)) return; // the header
    if (cells.length < 2 || kind === '') problems.push({ line, message: t.mapTwoColumns() });
    else add(line, value, kind);
  });
  return { values, problems };
}

/** The values of the kind column that map to no kind, with their counts, most frequent first. */
export function unmappedKinds(
  rawKinds: Iterable<string>,
  kindValues: Record<string, string> | undefined,
  knownKinds: ReadonlySet<string>,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const raw of rawKinds) {
    const kind = kindValues && Object.hasOwn(kindValues, raw) ? kindValues[raw] : raw;
    if (!knownKinds.has(kind)) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
