/**
 * The scenario a report was computed from, on paper and on screen (folded): the edits made to
 * it since it was opened, the run's settings, and the settings left to their defaults, marked.
 */
import { useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { assumptionsOf } from './assumptions.ts';
import { resultsStrings } from './strings.ts';

export function AssumptionsSection({ doc, edits }: { doc: ScenarioDoc; edits: readonly string[] }) {
  const t = useStrings(resultsStrings);
  const language = useLanguage();
  const assumptions = assumptionsOf(doc, language);
  return (
    <section
      className="results-section results-assumptions"
      aria-labelledby="results-assumptions-heading"
      data-testid="assumptions"
    >
      <details>
        <summary>
          <h3 id="results-assumptions-heading">{t.assumptionsHeading}</h3>
        </summary>
        <h4>{t.editsHeading}</h4>
        {edits.length === 0 ? (
          <p data-testid="edits-none">{t.noEdits}</p>
        ) : (
          <ol className="results-edits" data-testid="edits">
            {edits.map((edit, index) => (
              <li key={index}>{edit}</li>
            ))}
          </ol>
        )}
        <h4>{t.settingsHeading}</h4>
        <table className="summary results-assumptions-table">
          <tbody>
            {assumptions.map((assumption) => (
              <tr key={assumption.label} data-defaulted={assumption.defaulted}>
                <th scope="row">{assumption.label}</th>
                <td>
                  {assumption.value}
                  {assumption.defaulted && (
                    <span className="results-default" data-testid="assumption-default">
                      {' '}
                      {t.defaulted}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t.defaultsNote}</p>
      </details>
    </section>
  );
}
