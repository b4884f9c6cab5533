/**
 * A district chosen on the map: its names (Chinese and English, editable), area, call weight and
 * the calls a day its streams bring.
 */
import { EnglishNameField } from '../editors/EnglishNameField.tsx';
import { TextField } from '../editors/fields.tsx';
import { districtCallLoad, asArray, getIn, setIn, textOf } from '../editors/model.ts';
import { editorStrings } from '../editors/strings.ts';
import { incidentKindWords } from '../../sim/analysis/terms.ts';
import { displayName, localeOf, useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';

export function DistrictLoad({ doc, districtId }: { doc: ScenarioDoc; districtId: string }) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const { edit } = useWorkspace();
  const index = asArray(doc.districts).findIndex((d) => textOf(d, 'id') === districtId);
  const district = asArray(doc.districts)[index];
  if (!district) return null;
  const name = displayName(
    districtId,
    textOf(district, 'name') || undefined,
    language,
    textOf(district, 'nameEn') || undefined,
  );
  const loads = districtCallLoad(doc, districtId);
  const kindName = (id: string) => {
    const kind = asArray(doc.incidentKinds).find((k) => textOf(k, 'id') === id);
    return incidentKindWords(
      id,
      textOf(kind, 'name') || undefined,
      language,
      textOf(kind, 'nameEn') || undefined,
    );
  };
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const total = loads.reduce((sum, load) => sum + load.callsPerDay, 0);
  const area = String(getIn(district, ['area']) ?? 'urban');
  const weight = getIn(district, ['callWeight']);
  return (
    <section className="card scenario-district" data-testid="district-load">
      <h2>{t.districtTitle(name)}</h2>
      <div className="scenario-district-names">
        <TextField
          path={`districts[${index}].name`}
          label={t.name}
          value={textOf(district, 'name')}
          onCommit={(text) =>
            edit(t.editDistrictName(name), (draft) =>
              setIn(draft, ['districts', index, 'name'], text),
            )
          }
        />
        <EnglishNameField at={['districts', index]} entry={district} name={name} />
      </div>
      <p className="hint">
        {t.area[area] ?? area} · {t.callWeight}{' '}
        {typeof weight === 'number' ? format.format(weight) : '1'}
      </p>
      {loads.length === 0 ? (
        <p className="placeholder">{t.noCalls}</p>
      ) : (
        <table className="editors-table scenario-load-table">
          <caption>
            {t.callLoad} ·{' '}
            <strong data-testid="district-calls-total">
              {t.callLoadTotal(format.format(total))}
            </strong>
          </caption>
          <tbody>
            {loads.map((load) => (
              <tr key={load.kind}>
                <th scope="row">{kindName(load.kind)}</th>
                <td className="editors-number-cell">{format.format(load.callsPerDay)}</td>
                <td className="scenario-load-bar-cell" aria-hidden="true">
                  <span
                    className="scenario-load-bar"
                    style={{ width: `${(load.callsPerDay / loads[0].callsPerDay) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
