/**
 * Import of district boundaries from GeoJSON polygons: choose the file, the properties holding
 * the id and the name, urban or rural, and whether the districts replace the scenario's or are
 * added to them. One undoable edit. The reading is src/scenarios/importGeo.ts.
 */
import { useMemo, useState } from 'react';
import {
  districtsFromGeoJson,
  featurePropertyNames,
  featuresToWgs84,
  mergeDistricts,
  type Crs,
  type DistrictImport,
  type DistrictMode,
} from '../../scenarios/importGeo.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { CrsField } from './CrsField.tsx';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import { formatOf, initialCrs, mapFeatures } from './mapFile.ts';
import type { TextFile } from './files.ts';
import { libraryStrings } from './strings.ts';

type Mode = DistrictMode;

/** Districts listed in the preview. */
const PREVIEW_DISTRICTS = 12;

export function DistrictImportDialog({
  initialFile,
  onClose,
}: {
  initialFile: TextFile | null;
  onClose: () => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <ImportDialog
      title={t.districtsTitle}
      intro={t.districtsIntro}
      accept=".geojson,.json,.shp,.dbf,.prj,.cpg,.shx,.zip,application/geo+json,application/json,application/zip"
      testId="district-import"
      shapefiles
      initialFile={initialFile}
      onClose={onClose}
      steps={(file, onDone) => <DistrictFile file={file} onDone={onDone} />}
    />
  );
}

const ID_PROPERTIES = /^(id|code|adcode|district_?id|编码|代码|行政区划代码)$/i;
const NAME_PROPERTIES = /^(name|name_zh|名称|名字|district_?name)$/i;

function DistrictFile({ file, onDone }: { file: TextFile; onDone: () => void }) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const { features, shapefile } = useMemo(() => mapFeatures(file, language), [file, language]);
  const detected = useMemo(() => initialCrs(file, formatOf(file)), [file]);
  const [crs, setCrs] = useState<Crs>(detected.crs);
  const names = features.ok ? featurePropertyNames(features.value) : [];
  const [idProperty, setIdProperty] = useState(() => names.find((n) => ID_PROPERTIES.test(n)));
  const [nameProperty, setNameProperty] = useState(() =>
    names.find((n) => NAME_PROPERTIES.test(n)),
  );
  const [area, setArea] = useState<'urban' | 'rural'>('urban');
  const [mode, setMode] = useState<Mode>('replace');

  const districts = useMemo(
    () =>
      features.ok
        ? districtsFromGeoJson(
            featuresToWgs84(features.value, crs),
            { idProperty, nameProperty, area },
            language,
          )
        : features,
    [features, idProperty, nameProperty, area, crs, language],
  );
  const lost = districts.ok ? referencesToRemoved(doc, districts.value, mode) : 0;

  const propertySelect = (
    label: string,
    value: string | undefined,
    set: (value: string | undefined) => void,
    none: string,
    testId: string,
  ) => (
    <label>
      {label}
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => set(event.target.value || undefined)}
      >
        <option value="">{none}</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );

  const add = () => {
    if (!districts.ok) return;
    const imported = districts.value;
    edit(t.districtsLabel(file.name, imported.length), (draft) => {
      const current = Array.isArray(draft.districts)
        ? (draft.districts as Record<string, unknown>[])
        : [];
      draft.districts = mergeDistricts(current, imported, mode);
    });
    onDone();
  };

  if (!features.ok)
    return <ProblemList problems={features.errors} testId="district-import-problems" />;
  return (
    <>
      <CrsField
        crs={crs}
        detected={detected}
        encoding={shapefile?.encoding}
        testId="district-crs"
        onChange={setCrs}
      />
      <div className="fields library-fields">
        {propertySelect(t.idProperty, idProperty, setIdProperty, t.autoId, 'district-id-property')}
        {propertySelect(
          t.nameProperty,
          nameProperty,
          setNameProperty,
          t.noName,
          'district-name-property',
        )}
        <label>
          {t.area}
          <select
            value={area}
            onChange={(event) => setArea(event.target.value as 'urban' | 'rural')}
          >
            <option value="urban">{t.urban}</option>
            <option value="rural">{t.rural}</option>
          </select>
        </label>
        <fieldset className="library-radios">
          <legend>{t.mode}</legend>
          {(['replace', 'add'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="district-mode"
                data-testid={`district-mode-${option}`}
                checked={mode === option}
                onChange={() => setMode(option)}
              />
              {option === 'replace' ? t.modeReplace : t.modeAdd}
            </label>
          ))}
        </fieldset>
      </div>
      {districts.ok ? (
        <>
          <p className="library-result" role="status" data-testid="district-import-summary">
            {t.districtSummary(
              districts.value.length,
              districts.value
                .slice(0, PREVIEW_DISTRICTS)
                .map((d) => (d.name ? `${d.name} (${d.id})` : d.id))
                .join(language === 'zh' ? '、' : ', ') +
                (districts.value.length > PREVIEW_DISTRICTS ? '…' : ''),
            )}
          </p>
          {lost > 0 && <p className="hint">{t.districtReferences(lost)}</p>}
          {districts.warnings && districts.warnings.length > 0 && (
            <>
              <p className="hint">{t.districtWarnings}</p>
              <ProblemList problems={districts.warnings} testId="district-import-warnings" />
            </>
          )}
        </>
      ) : (
        <ProblemList problems={districts.errors} testId="district-import-problems" />
      )}
      <div className="buttons library-dialog-actions">
        <button
          type="button"
          className="primary"
          data-testid="district-import-confirm"
          disabled={!districts.ok}
          onClick={add}
        >
          {t.importDistrictsButton(districts.ok ? districts.value.length : 0)}
        </button>
      </div>
    </>
  );
}

/** References in the scenario to district ids that the import would remove. */
function referencesToRemoved(doc: ScenarioDoc, imported: DistrictImport[], mode: Mode): number {
  if (mode === 'add') return 0;
  const kept = new Set(imported.map((d) => d.id));
  const gone = (id: unknown) => typeof id === 'string' && !kept.has(id);
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);
  const arrivals = (doc.arrivals ?? {}) as Record<string, unknown>;
  const travel = (doc.travel ?? {}) as Record<string, unknown>;
  const dispatch = (doc.dispatch ?? {}) as Record<string, unknown>;
  return (
    list(dispatch.runCards).filter((card) => gone(card.district)).length +
    list(arrivals.incidents).filter((incident) => gone(incident.district)).length +
    list(arrivals.streams).reduce(
      (sum, stream) =>
        sum + Object.keys((stream.districts ?? {}) as object).filter((id) => gone(id)).length,
      0,
    ) +
    (Array.isArray(travel.zones) ? travel.zones.filter(gone).length : 0)
  );
}
