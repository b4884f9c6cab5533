/**
 * Import of a road network from OpenStreetMap XML, GeoJSON or a shapefile: choose the file (a
 * shapefile's parts together, or a .zip), its coordinate system (detected where the file says),
 * for GeoJSON and shapefiles the properties holding class, one-way, length and speed limit, then
 * map each class found to one of the scenario's road classes or a new class with its speed. One
 * undoable edit replaces the scenario's travel model with the road graph. The reading is
 * src/scenarios/geo/.
 */
import { useMemo, useState } from 'react';
import {
  buildRoadGraph,
  defaultRoadSpeed,
  featurePropertyNames,
  featuresToWgs84,
  groupWarnings,
  guessRoadProperties,
  linesToWgs84,
  roadEventCount,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  withRoadGraph,
  type Crs,
  type GeoJsonFeature,
  type GeoProblem,
  type GeoResult,
  type RoadLines,
  type RoadPropertyMapping,
} from '../../scenarios/importGeo.ts';
import { localeOf, useLanguage, useStrings, type Language } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { CrsField } from './CrsField.tsx';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import { formatOf, initialCrs, mapFeatures } from './mapFile.ts';
import type { TextFile } from './files.ts';
import { libraryStrings, type LibraryStrings } from './strings.ts';

/** Target of a source class: an existing class of the scenario, or a new one with a speed. */
type ClassChoice = { existing: string } | { newSpeed: string };

type RoadClassData = { speedKmh: number; hourFactors?: number[] };

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
  const { features, shapefile } = useMemo(
    () => (format === 'osm' ? { features: null, shapefile: null } : mapFeatures(file, language)),
    [file, format, language],
  );
  const propertyNames = features?.ok ? featurePropertyNames(features.value) : [];
  const [mapping, setMapping] = useState<RoadPropertyMapping>(() =>
    guessRoadProperties(propertyNames),
  );
  const detected = useMemo(() => initialCrs(file, format), [file, format]);
  const [crs, setCrs] = useState<Crs>(detected.crs);

  const lines = useMemo<GeoResult<RoadLines>>(() => {
    if (format === 'osm') {
      const read = roadLinesFromOsm(file.text, language);
      return read.ok
        ? { ...read, value: { ...read.value, lines: linesToWgs84(read.value.lines, crs) } }
        : read;
    }
    if (!features!.ok) return features as Extract<GeoResult<GeoJsonFeature[]>, { ok: false }>;
    return roadLinesFromGeoJson(featuresToWgs84(features!.value, crs), mapping, language);
  }, [format, file.text, features, mapping, crs, language]);

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
        encoding={shapefile?.encoding}
        testId="road-crs"
        onChange={setCrs}
      />
      {format !== 'osm' && features?.ok && (
        <div className="fields library-fields">
          {propertySelect('classProperty', t.classProperty, t.noClassProperty)}
          {propertySelect('oneWayProperty', t.oneWayProperty, t.noProperty)}
          {propertySelect('lengthProperty', t.lengthProperty, t.noProperty)}
          {propertySelect('speedProperty', t.speedProperty, t.noProperty)}
        </div>
      )}
      {lines.ok ? (
        <RoadClassMapping
          key={`${JSON.stringify(mapping)} ${crs}`}
          fileName={file.name}
          roads={lines.value}
          warnings={lines.warnings ?? []}
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
  fileName,
  roads,
  warnings,
  onDone,
}: {
  fileName: string;
  roads: RoadLines;
  warnings: readonly GeoProblem[];
  onDone: () => void;
}) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const travel = (doc.travel ?? {}) as Record<string, unknown>;
  const existing = existingRoadClasses(travel);
  const counts = useMemo(() => sourceClassCounts(roads.lines), [roads]);
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
  const built = useMemo(
    () => (speedProblem ? null : buildGraph(roads, choices, existing, language)),
    // `existing` comes from the document, which does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [roads, choices, speedProblem, language],
  );
  const roadEvents = roadEventCount(doc.events);
  const format = (value: number, digits = 0) =>
    value.toLocaleString(localeOf(language), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  const replace = () => {
    if (!built?.ok) return;
    const { graph } = built.value;
    edit(t.roadsLabel(fileName, graph.edges.length), (draft) => {
      const next = withRoadGraph(draft, graph);
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
            format(built.value.graph.nodes.length),
            format(built.value.graph.edges.length),
            format(built.value.totalLengthM / 1000, 1),
            roads.skipped,
          )}
          {t.roadDetail(
            format(built.value.oneWayEdges),
            `${format((100 * built.value.oneWayEdges) / built.value.graph.edges.length, 1)}%`,
            format(built.value.contractedNodes),
          )}
        </p>
      )}
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
      <p className="hint" data-testid="road-import-replaces">
        {t.replacesNetwork(describeTravel(travel, t))}{' '}
        {roadEvents > 0 && t.roadEventsDropped(roadEvents)}
      </p>
      <div className="buttons library-dialog-actions">
        <button
          type="button"
          className="primary"
          data-testid="road-import-confirm"
          disabled={!built?.ok}
          onClick={replace}
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

/** Name of the class made for a source class: the source's own name ('road' if it has none). */
function newClassName(source: string): string {
  return source || 'road';
}

function buildGraph(
  roads: RoadLines,
  choices: Record<string, ClassChoice>,
  existing: Record<string, RoadClassData>,
  language: Language,
) {
  const classes: Record<string, RoadClassData> = { ...existing };
  const targetOf = (source: string) => {
    const choice = choices[source];
    return 'existing' in choice ? choice.existing : newClassName(source);
  };
  for (const [source, choice] of Object.entries(choices)) {
    // A new class takes the source's name, replacing an existing class of that name if any.
    if ('newSpeed' in choice) classes[newClassName(source)] = { speedKmh: Number(choice.newSpeed) };
  }
  return buildRoadGraph(roads.lines, targetOf, classes, language);
}

function describeTravel(travel: Record<string, unknown>, t: LibraryStrings): string {
  if (travel.model === 'roadGraph') {
    const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
    return t.currentGraph(count(travel.nodes), count(travel.edges));
  }
  return t.currentModel(String(travel.model ?? '—'));
}
