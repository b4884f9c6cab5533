/**
 * Import of call history from CSV (UTF-8 or GBK) or an Excel workbook, in two steps: choose the
 * file, then map its columns (time, kind, place; each column's detected type shown) and the
 * values of its kind column to the scenario's incident kinds, with a live preview of what will
 * be imported and which lines fail and why. One undoable edit adds the calls as listed
 * incidents. The reading and parsing are src/scenarios/callFile.ts and importCalls.ts, shared
 * with the CLI.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  CSV_LIMITS,
  importRows,
  kindValue,
  type CallColumnMapping,
  type CsvRow,
  type ParsedCsv,
} from '../../scenarios/importCalls.ts';
import { CALL_ENCODINGS, readCallFile, type CallEncoding } from '../../scenarios/callFile.ts';
import { detectColumns, suggestMapping, type ColumnInfo } from '../../scenarios/callColumns.ts';
import { TIME_FORMATS, type TimeFormat } from '../../scenarios/callTimes.ts';
import { DEFAULT_START } from '../../scenarios/defaults.ts';
import type { ListedIncident } from '../../scenarios/schema.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import type { TextFile } from './files.ts';
import { libraryStrings, type LibraryStrings } from './strings.ts';

/** Rows and columns shown in the preview, and kind values offered for mapping. */
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = 30;
const KIND_VALUES_SHOWN = 40;

interface Named {
  id: string;
  name: string;
}

type PlaceBy = 'lonLat' | 'point' | 'district';

interface Mapping {
  time: string;
  kind: string;
  kindAlso: string;
  placeBy: PlaceBy;
  lon: string;
  lat: string;
  district: string;
  point: string;
  groupBy: string;
  timeFormat: TimeFormat;
  kindValues: Record<string, string>;
}

export function CallImportDialog({
  initialFile,
  onClose,
}: {
  initialFile: TextFile | null;
  onClose: () => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <ImportDialog
      title={t.callsTitle}
      intro={t.callsIntro}
      accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      testId="call-import"
      maxBytes={CSV_LIMITS.bytes}
      initialFile={initialFile}
      onClose={onClose}
      binary
      steps={(file, onDone) => <CallFileRead file={file} onDone={onDone} />}
    />
  );
}

interface Read {
  parsed: ParsedCsv;
  /** The encoding found or chosen ('xlsx' for a workbook). */
  encoding: string;
  /** The encoding asked for ('auto' until one is chosen). */
  asked: CallEncoding;
}

/** Reads the file's bytes (a workbook, or CSV in the encoding detected or chosen). */
function CallFileRead({ file, onDone }: { file: TextFile; onDone: () => void }) {
  const language = useLanguage();
  const [asked, setAsked] = useState<CallEncoding>('auto');
  const [read, setRead] = useState<Read | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    const bytes = file.bytes ?? new TextEncoder().encode(file.text);
    void readCallFile(bytes, { encoding: asked, language }).then((found) => {
      if (!live) return;
      setRead(
        found.ok
          ? { parsed: found.parsed, encoding: found.encoding, asked }
          : { error: found.message },
      );
    });
    return () => {
      live = false;
    };
  }, [file, asked, language]);
  if (read === null) return null;
  const choice = (
    <EncodingChoice
      shown={!('encoding' in read && read.encoding === 'xlsx')}
      asked={asked}
      found={'encoding' in read ? read.encoding : null}
      onChoose={setAsked}
    />
  );
  if ('error' in read)
    return (
      <>
        {choice}
        <p className="problems" role="alert" data-testid="call-file-error">
          {read.error}
        </p>
      </>
    );
  return (
    <>
      {choice}
      <CallMapping key={read.encoding} parsed={read.parsed} name={file.name} onDone={onDone} />
    </>
  );
}

function EncodingChoice({
  shown,
  asked,
  found,
  onChoose,
}: {
  shown: boolean;
  asked: CallEncoding;
  found: string | null;
  onChoose: (encoding: CallEncoding) => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <div className="fields library-fields">
      {shown && (
        <label>
          {t.encoding}
          <select
            data-testid="call-encoding"
            value={asked}
            onChange={(event) => onChoose(event.target.value as CallEncoding)}
          >
            {CALL_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t.encodings[encoding]}
              </option>
            ))}
          </select>
        </label>
      )}
      {found && (
        <p className="hint" data-testid="call-read-as">
          {t.readAs(found)}
        </p>
      )}
    </div>
  );
}

function CallMapping({
  parsed,
  name,
  onDone,
}: {
  parsed: ParsedCsv;
  name: string;
  onDone: () => void;
}) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const kinds = namedList(doc.incidentKinds);
  const districts = namedList(doc.districts);
  // A scenario without a start begins at the schema's default, and so do its calls.
  const start = typeof doc.start === 'string' ? doc.start : DEFAULT_START;
  const timeZone = typeof doc.timeZone === 'string' ? doc.timeZone : undefined;

  // Read once; each change of the mapping maps the rows read.
  const rows = parsed.rows;
  const header = useMemo(() => (rows[0]?.cells ?? []).map((cell) => cell.trim()), [rows]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the districts are the document's
  const columnTypes = useMemo(() => detectColumns(rows, districts), [rows]);
  const [mapping, setMapping] = useState<Mapping>(() =>
    guessMapping(header, rows, kinds, columnTypes),
  );
  const kindCounts = useMemo(
    () => valueCounts(rows, header.indexOf(mapping.kind), header.indexOf(mapping.kindAlso)),
    [rows, header, mapping.kind, mapping.kindAlso],
  );

  const columnProblem = mappingProblem(header, rows, mapping, t);
  const result = useMemo(
    () =>
      columnProblem
        ? null
        : importRows(parsed, callMapping(mapping), start, new Set(kinds.map((k) => k.id)), {
            language,
            districts,
            timeZone,
            existing: listedCount(doc),
          }),
    // kinds and districts come from the document, which does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [parsed, mapping, start, columnProblem, language],
  );

  const set = (change: Partial<Mapping>) => setMapping((current) => ({ ...current, ...change }));
  const columnSelect = (
    key: 'time' | 'kind' | 'kindAlso' | 'lon' | 'lat' | 'district' | 'point' | 'groupBy',
    label: string,
  ) => (
    <label>
      {label}
      <select
        data-testid={`call-column-${key}`}
        value={mapping[key]}
        onChange={(event) => set({ [key]: event.target.value })}
      >
        <option value="">
          {key === 'groupBy' ? t.noGroupBy : key === 'kindAlso' ? t.noKindAlso : t.chooseColumn}
        </option>
        {header.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );

  // Nothing read (too many columns, an empty file): only why, no mapping to make.
  if (rows.length === 0) {
    const problems =
      parsed.problems.length > 0 ? parsed.problems : [{ line: 1, message: t.noRows }];
    return (
      <ProblemList
        problems={problems.map((problem) => ({
          path: t.line(problem.line),
          message: problem.message,
        }))}
        testId="call-import-problems"
      />
    );
  }

  const add = () => {
    if (!result || result.incidents.length === 0) return;
    const incidents = result.incidents;
    edit(t.callsLabel(name, incidents.length), (draft) => appendIncidents(draft, incidents));
    onDone();
  };

  return (
    <>
      <h3 className="library-step">{t.callsPreview}</h3>
      <p className="hint">{t.fileColumns(header.length, Math.max(rows.length - 1, 0))}</p>
      {header.length > PREVIEW_COLUMNS && (
        <p className="hint" data-testid="call-preview-cut">
          {t.previewColumns(PREVIEW_COLUMNS, header.length)}
        </p>
      )}
      <div className="library-table-scroll">
        <table className="library-table" data-testid="call-preview">
          <thead>
            <tr>
              {header.slice(0, PREVIEW_COLUMNS).map((column, i) => (
                <th key={i} scope="col">
                  {cut(column)}
                </th>
              ))}
            </tr>
            <tr className="library-types" data-testid="call-column-types">
              {columnTypes.slice(0, PREVIEW_COLUMNS).map((column, i) => (
                <td key={i} title={t.detectedType}>
                  {typeLabel(column, t)}
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(1, 1 + PREVIEW_ROWS).map((row) => (
              <tr key={row.line}>
                {header.slice(0, PREVIEW_COLUMNS).map((_, j) => (
                  <td key={j}>{cut(row.cells[j] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="library-step">{t.callsMapping}</h3>
      <div className="fields library-fields">
        {columnSelect('time', t.columnTime)}
        {columnSelect('kind', t.columnKind)}
        {columnSelect('kindAlso', t.columnKindAlso)}
        <fieldset className="library-radios">
          <legend>{t.placeBy}</legend>
          {(['lonLat', 'point', 'district'] as const).map((placeBy) => (
            <label key={placeBy}>
              <input
                type="radio"
                name="call-place-by"
                data-testid={`call-place-${placeBy}`}
                checked={mapping.placeBy === placeBy}
                onChange={() => set({ placeBy })}
              />
              {
                { lonLat: t.placeByLonLat, point: t.placeByPoint, district: t.placeByDistrict }[
                  placeBy
                ]
              }
            </label>
          ))}
        </fieldset>
        {mapping.placeBy === 'lonLat' ? (
          <>
            {columnSelect('lon', t.columnLon)}
            {columnSelect('lat', t.columnLat)}
          </>
        ) : mapping.placeBy === 'point' ? (
          columnSelect('point', t.columnPoint)
        ) : (
          columnSelect('district', t.columnDistrict)
        )}
        <label>
          {t.timeFormat}
          <select
            data-testid="call-time-format"
            value={mapping.timeFormat}
            onChange={(event) => set({ timeFormat: event.target.value as TimeFormat })}
          >
            {TIME_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format === 'auto' && result?.times.detected
                  ? `${t.timeFormats.auto} · ${t.timeFormats[result.times.clock === 'date' ? result.times.order : result.times.clock]}`
                  : t.timeFormats[format]}
              </option>
            ))}
          </select>
        </label>
        {columnSelect('groupBy', t.groupBy)}
      </div>
      <p className="hint">{t.columnTimeHint}</p>

      {columnProblem ? (
        <p className="problems" role="alert" data-testid="call-mapping-error">
          {columnProblem}
        </p>
      ) : (
        <>
          <h3 className="library-step">{t.kindValues}</h3>
          {kindCounts.length > KIND_VALUES_SHOWN && (
            <p className="hint">{t.kindValuesHint(KIND_VALUES_SHOWN, kindCounts.length)}</p>
          )}
          <table className="library-table library-mapping-table" data-testid="call-kind-values">
            <thead>
              <tr>
                <th scope="col">{t.kindValue}</th>
                <th scope="col">{t.kindRows}</th>
                <th scope="col">{t.kindTarget}</th>
              </tr>
            </thead>
            <tbody>
              {kindCounts.slice(0, KIND_VALUES_SHOWN).map(([value, count]) => (
                <tr key={value}>
                  <th scope="row">{value}</th>
                  <td className="library-number">{count.toLocaleString(localeOf(language))}</td>
                  <td>
                    <select
                      aria-label={`${t.kindTarget}: ${value}`}
                      data-testid={`call-kind-${value}`}
                      value={
                        Object.hasOwn(mapping.kindValues, value) ? mapping.kindValues[value] : ''
                      }
                      onChange={(event) =>
                        set({ kindValues: { ...mapping.kindValues, [value]: event.target.value } })
                      }
                    >
                      <option value="">{t.notImported}</option>
                      {kinds.map((kind) => (
                        <option key={kind.id} value={kind.id}>
                          {kind.name ? `${kind.name} (${kind.id})` : kind.id}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {result && (
        <ProblemList
          problems={result.problems.map((problem) => ({
            path: t.line(problem.line),
            message: problem.message,
          }))}
          testId="call-import-problems"
        />
      )}
      <div className="buttons library-dialog-actions">
        {result && (
          <p className="library-result" data-testid="call-import-result" role="status">
            {t.callsResult(
              result.incidents.length,
              new Set(result.problems.map((p) => p.line)).size,
            )}
          </p>
        )}
        <button
          type="button"
          className="primary"
          data-testid="call-import-confirm"
          disabled={!result || result.incidents.length === 0}
          onClick={add}
        >
          {t.importCallsButton(result?.incidents.length ?? 0)}
        </button>
      </div>
    </>
  );
}

function namedList(value: unknown): Named[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item?.id === 'string')
    .map((item) => ({
      id: item.id as string,
      name: typeof item.name === 'string' ? item.name : '',
    }));
}

/** Distinct values of a column (or two, joined) with their row counts, most common first. */
function valueCounts(rows: CsvRow[], column: number, also = -1): [string, number][] {
  if (column < 0) return [];
  const counts = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const value = kindValue(rows[i].cells, column, also);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A column's detected type in the preview: the type, and for a time how it is written. */
function typeLabel(column: ColumnInfo, t: LibraryStrings): string {
  const type = t.columnTypes[column.type];
  return column.timeFormat ? `${type} · ${t.timeFormats[column.timeFormat]}` : type;
}

const COLUMN_GUESSES: Record<'time' | 'kind' | 'lon' | 'lat' | 'district' | 'point', RegExp> = {
  time: /时间|日期|time|date/i,
  kind: /类型|类别|事件|kind|type|category/i,
  lon: /经度|^lon|^lng|longitude|^x$/i,
  lat: /纬度|^lat|latitude|^y$/i,
  district: /辖区|区县|区域|街道|乡镇|district|area|zone/i,
  point: /坐标|位置|location|point|geom|coordinates/i,
};

/**
 * A first mapping from the columns' detected types (the names where types say nothing), and
 * kind values matched by kind id or name.
 */
function guessMapping(
  header: string[],
  rows: CsvRow[],
  kinds: Named[],
  columns: ColumnInfo[],
): Mapping {
  const suggested = suggestMapping(columns);
  const find = (key: keyof typeof COLUMN_GUESSES) =>
    suggested[key] ?? header.find((column) => COLUMN_GUESSES[key].test(column)) ?? '';
  const mapping: Mapping = {
    time: find('time'),
    kind: find('kind'),
    kindAlso: '',
    lon: find('lon'),
    lat: find('lat'),
    district: find('district'),
    point: find('point'),
    groupBy: '',
    timeFormat: 'auto',
    placeBy: 'lonLat',
    kindValues: {},
  };
  if (!(mapping.lon && mapping.lat) && mapping.district) mapping.placeBy = 'district';
  else if (!(mapping.lon && mapping.lat) && mapping.point) mapping.placeBy = 'point';
  for (const [value] of valueCounts(rows, header.indexOf(mapping.kind))) {
    const kind = kinds.find((k) => k.id === value || (k.name !== '' && k.name === value));
    if (kind) mapping.kindValues[value] = kind.id;
  }
  return mapping;
}

/** What keeps the mapping from being tried at all, said at the mapping step. */
function mappingProblem(
  header: string[],
  rows: CsvRow[],
  mapping: Mapping,
  t: LibraryStrings,
): string | null {
  if (rows.length === 0) return t.noRows;
  if (header.length < 2) return t.tooFewColumns(cut(header.join('')) || '—');
  if (rows.length < 2) return t.noRows;
  const chosen: Array<[string, string]> = [
    [t.columnTime, mapping.time],
    [t.columnKind, mapping.kind],
    ...(mapping.placeBy === 'lonLat'
      ? ([
          [t.columnLon, mapping.lon],
          [t.columnLat, mapping.lat],
        ] as Array<[string, string]>)
      : mapping.placeBy === 'point'
        ? ([[t.columnPoint, mapping.point]] as Array<[string, string]>)
        : ([[t.columnDistrict, mapping.district]] as Array<[string, string]>)),
  ];
  const missing = chosen.find(([, column]) => column === '');
  if (missing) return t.mapColumn(missing[0]);
  const columns = chosen.map(([, column]) => column);
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  return twice ? t.sameColumn(twice) : null;
}

function callMapping(mapping: Mapping): CallColumnMapping {
  return {
    time: mapping.time,
    kind: mapping.kind,
    ...(mapping.kindAlso ? { kindAlso: mapping.kindAlso } : {}),
    kindValues: mapping.kindValues,
    timeFormat: mapping.timeFormat,
    ...(mapping.groupBy ? { groupBy: mapping.groupBy } : {}),
    ...(mapping.placeBy === 'lonLat'
      ? { lon: mapping.lon, lat: mapping.lat }
      : mapping.placeBy === 'point'
        ? { point: mapping.point }
        : { district: mapping.district }),
  };
}

/** Incidents the scenario lists already (the import adds to them, within the limit). */
function listedCount(doc: ScenarioDoc): number {
  const arrivals = doc.arrivals as { incidents?: unknown } | undefined;
  return Array.isArray(arrivals?.incidents) ? arrivals.incidents.length : 0;
}

/** A cell or a column name in the preview: long ones cut. */
function cut(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function appendIncidents(draft: ScenarioDoc, incidents: ListedIncident[]): void {
  const arrivals = (draft.arrivals ??= {}) as Record<string, unknown>;
  const listed = Array.isArray(arrivals.incidents) ? arrivals.incidents : [];
  arrivals.incidents = [...listed, ...incidents];
}
