/**
 * Import of call history from CSV (UTF-8 or GBK) or an Excel workbook, in two steps: choose the
 * file, then map its columns (time, kind, place; each column's detected type shown) and the
 * values of its kind column to the scenario's incident kinds, with a live preview of what will
 * be imported and which lines fail and why. One undoable edit adds the calls as listed
 * incidents. The reading and parsing are src/scenarios/callFile.ts and importCalls.ts, shared
 * with the CLI.
 */
import { useEffect, useMemo, useState } from 'react';
import { CSV_LIMITS, importRows, type ParsedCsv } from '../../scenarios/importCalls.ts';
import { CALL_ENCODINGS, readCallFile, type CallEncoding } from '../../scenarios/callFile.ts';
import { detectColumns } from '../../scenarios/callColumns.ts';
import { TIME_FORMATS, type TimeFormat } from '../../scenarios/callTimes.ts';
import { DEFAULT_DURATION, DEFAULT_START } from '../../scenarios/defaults.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import type { TextFile } from './files.ts';
import { libraryStrings } from './strings.ts';
import {
  appendIncidents,
  callMapping,
  cut,
  guessMapping,
  listedCount,
  mappingProblem,
  namedList,
  typeLabel,
  valueCounts,
  type Mapping,
} from './callMapping.ts';
import { FitRunField, ObservedFields } from './ObservedFields.tsx';
import {
  applyFit,
  listedTimes,
  observedColumns,
  observedCounts,
  outsideRun,
} from './observedMapping.ts';
import { observedStrings } from './observedStrings.ts';

/** Rows and columns shown in the preview, and kind values offered for mapping. */
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = 30;
const KIND_VALUES_SHOWN = 40;

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
  const duration = typeof doc.duration === 'number' ? doc.duration : DEFAULT_DURATION;
  const warmup = typeof doc.warmup === 'number' ? doc.warmup : 0;
  const o = useStrings(observedStrings);

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

  // Fit the run to the calls' span: null until chosen (then on when the calls fall outside the run).
  const [fitChosen, setFitChosen] = useState<boolean | null>(null);
  const columnProblem = mappingProblem(header, rows, mapping, t);
  const importWith = (fit: boolean) =>
    importRows(parsed, callMapping(mapping), start, new Set(kinds.map((k) => k.id)), {
      language,
      districts,
      timeZone,
      existing: listedCount(doc),
      fit,
      warmup,
      existingTimes: listedTimes(doc),
    });
  // Read with the fit first: whether the calls fall outside the run says if it is on by default.
  const fitResult = useMemo(
    () => (columnProblem ? null : importWith(true)),
    // kinds and districts come from the document, which does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [parsed, mapping, start, columnProblem, language],
  );
  const outside = fitResult !== null && outsideRun(fitResult, duration);
  const fit = fitChosen ?? outside;
  const result = useMemo(
    () => (fit ? fitResult : columnProblem ? null : importWith(false)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fit, fitResult],
  );
  const observedCount = result ? observedCounts(result.incidents) : null;

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
    const { incidents, fitted } = result;
    edit(t.callsLabel(name, incidents.length), (draft) => {
      if (fitted) applyFit(draft, fitted);
      appendIncidents(draft, incidents);
    });
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
      <ObservedFields
        header={header}
        chosen={mapping.observed}
        onChoose={(key, column) => set({ observed: { ...mapping.observed, [key]: column } })}
      />
      <FitRunField
        checked={fit}
        outside={outside}
        fitted={fit ? result?.fitted : undefined}
        onChange={setFitChosen}
      />

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
        {observedCount && observedColumns(mapping.observed) && (
          <p className="library-result" data-testid="call-observed-result">
            {o.observedResult(observedCount.incidents, observedCount.units)}
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
