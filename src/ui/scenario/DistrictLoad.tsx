/** A district chosen on the map: its area, call weight and the calls a day its streams bring. */
import { districtCallLoad, asArray, getIn, textOf } from '../editors/model.ts';
import { editorStrings } from '../editors/strings.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export function DistrictLoad({ doc, districtId }: { doc: ScenarioDoc; districtId: string }) {
  const t = useStrings(editorStrings);
  const locale = localeOf(useLanguage());
  const district = asArray(doc.districts).find((d) => textOf(d, 'id') === districtId);
  if (!district) return null;
  const name = textOf(district, 'name') || districtId;
  const loads = districtCallLoad(doc, districtId);
  const kindName = (id: string) =>
    textOf(
      asArray(doc.incidentKinds).find((kind) => textOf(kind, 'id') === id),
      'name',
    ) || id;
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const total = loads.reduce((sum, load) => sum + load.callsPerDay, 0);
  const area = String(getIn(district, ['area']) ?? 'urban');
  const weight = getIn(district, ['callWeight']);
  return (
    <section className="card scenario-district" data-testid="district-load">
      <h2>{t.districtTitle(name)}</h2>
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
