/**
 * Import of a road network from OpenStreetMap XML, GeoJSON or a shapefile: choose the file (a
 * shapefile's parts together, or a .zip), its coordinate system (detected where the file says),
 * for GeoJSON and shapefiles the properties holding class, one-way, length and speed limit, then
 * map each class found to one of the scenario's road classes or a new class with its speed. One
 * undoable edit replaces the scenario's travel model with the road graph. The reading is
 * src/scenarios/geo/, run in the dialog's own worker (src/worker/roadImportApi.ts) so that a
 * city-sized file leaves the page answering; closing the dialog ends the worker.
 */
import { useMemo, useState } from 'react';
import {
  defaultRoadSpeed,
  groupWarnings,
  guessRoadProperties,
  roadEventCount,
  withRoadGraph,
  type Crs,
  type GeoProblem,
  type RoadGraphPart,
  type RoadPropertyMapping,
} from '../../scenarios/importGeo.ts';
import {
  newClassName,
  RoadImportClosed,
  type ClassChoice,
  type GraphAnswer,
  type LinesAnswer,
  type OpenAnswer,
  type RoadClassData,
  type RoadImportWorker,
} from '../../worker/roadImportClient.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { CrsField } from './CrsField.tsx';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import { formatOf, initialCrs } from './mapFile.ts';
import type { TextFile } from './files.ts';
import { lostProblem, Reading, useRoadImportWorker, useWorkerAnswer } from './roadImportWorker.tsx';
import { libraryStrings, type LibraryStrings } from './strings.ts';

export function RoadImportDialog({
  initialFile,
  onClose,
}: {
  initialFile: TextFile | null;
  onClose: () => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <ImportDialog
      title={t.roadsTitle}
      intro={t.roadsIntro}
      accept=".osm,.xml,.geojson,.json,.shp,.dbf,.prj,.cpg,.shx,.zip,application/geo+json,application/json,application/xml,application/zip"
      testId="road-import"
      initialFile={initialFile}
      onClose={onClose}
      shapefiles
      steps={(file, onDone) => <RoadFile file={file} onDone={onDone} />}
    />
  );
}

const PROPERTY_TEST_IDS: Record<keyof RoadPropertyMapping, string> = {
  classProperty: 'road-class-property',
  oneWayProperty: 'road-oneway-property',
  lengthProperty: 'road-length-property',
  speedProperty: 'road-speed-property',
};

function RoadFile({ file, onDone }: { file: TextFile; onDone: () => void }) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const format = formatOf(file);
  const worker = useRoadImportWorker();
  const detected = useMemo(() => initialCrs(file, format), [file, format]);
  const [crs, setCrs] = useState<Crs>(detected.crs);
  const [chosenMapping, setMapping] = useState<RoadPropertyMapping | null>(null);

  const opened = useWorkerAnswer<OpenAnswer>(
    worker,
    language,
    (remote) => remote.openRoadFile({ format, text: file.text, parts: file.parts }, language),
    (reason) => lostProblem(reason, t),
  );
  const open = opened?.key === language ? opened.answer : null;
  const propertyNames = open?.ok ? open.propertyNames : [];
  const mapping = chosenMapping ?? guessRoadProperties(propertyNames);

  const linesKey = `${language} ${crs} ${JSON.stringify(mapping)}`;
  const read = useWorkerAnswer<LinesAnswer>(
    worker,
    open?.ok ? linesKey : '',
    open?.ok ? (remote) => remote.roadsFor(crs, mapping, language) : null,
    (reason) => lostProblem(reason, t),
  );
  const lines = read?.key === linesKey ? read.answer : null;

  const propertySelect = (key: keyof RoadPropertyMapping, label: string, none: string) => (
    <label className="library-inline-field" key={key}>
      {label}
      <select
        data-testid={PROPERTY_TEST_IDS[key]}
        value={mapping[key] ?? ''}
        onChange={(event) => setMapping({ ...mapping, [key]: event.target.value || undefined })}
      >
        <option value="">{none}</option>
        {propertyNames.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <CrsField
        crs={crs}
        detected={detected}
        encoding={open?.ok ? open.encoding : undefined}
        testId="road-crs"
        onChange={setCrs}
      />
      {format !== 'osm' && open?.ok && (
        <div className="fields library-fields">
          {propertySelect('classProperty', t.classProperty, t.noClassProperty)}
          {propertySelect('oneWayProperty', t.oneWayProperty, t.noProperty)}
          {propertySelect('lengthProperty', t.lengthProperty, t.noProperty)}
          {propertySelect('speedProperty', t.speedProperty, t.noProperty)}
        </div>
      )}
      {open && !open.ok ? (
        <ProblemList problems={open.errors} testId="road-import-problems" />
      ) : !lines ? (
        <Reading text={t.readingRoads} />
      ) : lines.ok ? (
        <RoadClassMapping
          key={linesKey}
          worker={worker}
          fileName={file.name}
          roads={lines}
          onDone={onDone}
        />
      ) : (
        <ProblemList problems={lines.errors} testId="road-import-problems" />
      )}
    </>
  );
}

/** Warnings of one kind once, with their count and the first one's place. */
function WarningList({ warnings }: { warnings: readonly GeoProblem[] }) {
  const t = useStrings(libraryStrings);
  if (warnings.length === 0) return null;
  const grouped = groupWarnings(warnings).map((group) => ({
    path: group.first.path,
    message: t.warningCount(group.count, group.first.message),
  }));
  return (
    <>
      <p className="hint">{t.roadWarnings}</p>
      <ProblemList problems={grouped} testId="road-import-warnings" />
    </>
  );
}

function RoadClassMapping({
  worker,
  fileName,
  roads,
  onDone,
}: {
  worker: RoadImportWorker;
  fileName: string;
  roads: Extract<LinesAnswer, { ok: true }>;
  onDone: () => void;
}) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const travel = (doc.travel ?? {}) as Record<string, unknown>;
  const existing = existingRoadClasses(travel);
  const { counts, warnings } = roads;
  const [choices, setChoices] = useState<Record<string, ClassChoice>>(() =>
    Object.fromEntries(
      counts.map(([source]) => [
        source,
        Object.hasOwn(existing, source)
          ? { existing: source }
          : { newSpeed: String(defaultRoadSpeed(source)) },
      ]),
    ),
  );

  const speedProblem = Object.values(choices).some(
    (choice) => 'newSpeed' in choice && !(Number(choice.newSpeed) > 0),
  );
  const [importing, setImporting] = useState(false);
  const [lost, setLost] = useState<GeoProblem[] | null>(null);
  const graphKey = `${language} ${JSON.stringify(choices)}`;
  // `existing` comes from the document, which does not change while the dialog is open.
  const answer = useWorkerAnswer<GraphAnswer>(
    worker,
    speedProblem ? '' : graphKey,
    speedProblem ? null : (remote) => remote.graphFor(choices, existing, language),
    (reason) => lostProblem(reason, t),
  );
  const built = !speedProblem && answer?.key === graphKey ? answer.answer : null;
  const roadEvents = roadEventCount(doc.events);
  const format = (value: number, digits = 0) =>
    value.toLocaleString(localeOf(language), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  const replace = async () => {
    if (!built?.ok || importing) return;
    setImporting(true);
    // The graph last built in the worker is the one summarised: calls are answered in order.
    let graph: RoadGraphPart<RoadClassData> | null;
    try {
      graph = await worker.call((remote) => remote.builtGraph());
    } catch (reason) {
      if (reason instanceof RoadImportClosed) return;
      setLost(lostProblem(reason, t).errors);
      setImporting(false);
      return;
    }
    if (!graph) return setImporting(false);
    const imported = graph;
    edit(t.roadsLabel(fileName, imported.edges.length), (draft) => {
      const next = withRoadGraph(draft, imported);
      draft.travel = next.travel;
      if (next.events !== undefined) draft.events = next.events;
    });
    onDone();
  };

  return (
    <>
      {built?.ok && (
        <p className="library-result" role="status" data-testid="road-import-summary">
          {t.roadSummary(
            format(built.nodes),
            format(built.edges),
            format(built.totalLengthM / 1000, 1),
            roads.skipped,
          )}
          {t.roadDetail(
            format(built.oneWayEdges),
            `${format((100 * built.oneWayEdges) / built.edges, 1)}%`,
            format(built.contractedNodes),
          )}
        </p>
      )}
      {!speedProblem && !built && <Reading text={t.buildingRoads} />}
      <WarningList warnings={warnings} />
      <h3 className="library-step">{t.roadClasses}</h3>
      <table className="library-table library-mapping-table" data-testid="road-class-mapping">
        <thead>
          <tr>
            <th scope="col">{t.sourceClass}</th>
            <th scope="col">{t.roadCount}</th>
            <th scope="col">{t.targetClass}</th>
            <th scope="col">{t.speed}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map(([source, count]) => {
            const choice = choices[source];
            const label = source || t.noClass;
            const setChoice = (next: ClassChoice) => setChoices({ ...choices, [source]: next });
            return (
              <tr key={source} data-testid={`road-class-${source || 'none'}`}>
                <th scope="row">{label}</th>
                <td className="library-number">{format(count)}</td>
                <td>
                  <select
                    aria-label={`${t.targetClass}: ${label}`}
                    value={'existing' in choice ? choice.existing : ''}
                    onChange={(event) =>
                      setChoice(
                        event.target.value
                          ? { existing: event.target.value }
                          : { newSpeed: String(defaultRoadSpeed(source)) },
                      )
                    }
                  >
                    <option value="">{t.newClass(newClassName(source))}</option>
                    {Object.entries(existing).map(([name, roadClass]) => (
                      <option key={name} value={name}>
                        {`${name} (${format(roadClass.speedKmh)} km/h)`}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {'newSpeed' in choice ? (
                    <input
                      type="number"
                      min="1"
                      step="any"
                      inputMode="decimal"
                      aria-label={`${t.speed}: ${label}`}
                      aria-invalid={!(Number(choice.newSpeed) > 0)}
                      value={choice.newSpeed}
                      onChange={(event) => setChoice({ newSpeed: event.target.value })}
                    />
                  ) : (
                    <span className="library-number">
                      {format(existing[choice.existing]?.speedKmh ?? 0)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {speedProblem && (
        <p className="field-error" role="alert">
          {t.speedInvalid}
        </p>
      )}
      {built && !built.ok && <ProblemList problems={built.errors} testId="road-import-problems" />}
      {lost && <ProblemList problems={lost} testId="road-import-problems" />}
      {importing && <Reading text={t.importingRoads} />}
      <p className="hint" data-testid="road-import-replaces">
        {t.replacesNetwork(describeTravel(travel, t))}{' '}
        {roadEvents > 0 && t.roadEventsDropped(roadEvents)}
      </p>
      <div className="buttons library-dialog-actions">
        <button
          type="button"
          className="primary"
          data-testid="road-import-confirm"
          disabled={!built?.ok || importing}
          onClick={() => void replace()}
        >
          {t.importRoadsButton}
        </button>
      </div>
    </>
  );
}

function existingRoadClasses(travel: Record<string, unknown>): Record<string, RoadClassData> {
  if (travel.model !== 'roadGraph' || typeof travel.roadClasses !== 'object') return {};
  return Object.fromEntries(
    Object.entries(travel.roadClasses as Record<string, RoadClassData>).filter(
      ([, roadClass]) => typeof roadClass?.speedKmh === 'number',
    ),
  );
}

function describeTravel(travel: Record<string, unknown>, t: LibraryStrings): string {
  if (travel.model === 'roadGraph') {
    const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
    return t.currentGraph(count(travel.nodes), count(travel.edges));
  }
  return t.currentModel(String(travel.model ?? '—'));
}
