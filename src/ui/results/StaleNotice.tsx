/**
 * A notice over results that no longer belong to the open scenario (see freshness.ts): which
 * scenario they were computed from, what is open now, and a button to run again. The notice is
 * printed with the report; the button is not.
 */
import { useStrings } from '../i18n.ts';
import type { Freshness } from './freshness.ts';
import { resultsStrings } from './strings.ts';

export function StaleNotice({
  freshness,
  onRunAgain,
  runAgainDisabled = false,
  testId = 'stale-notice',
}: {
  freshness: Freshness;
  onRunAgain?: () => void;
  runAgainDisabled?: boolean;
  testId?: string;
}) {
  const t = useStrings(resultsStrings);
  if (freshness.kind === 'current') return null;
  return (
    <div className="stale-notice" role="status" data-testid={testId} data-kind={freshness.kind}>
      <p>
        {freshness.kind === 'other'
          ? t.staleOther(freshness.ranName, freshness.openName)
          : t.staleEdited(freshness.ranName)}
      </p>
      {onRunAgain && (
        <button
          type="button"
          className="primary results-no-print"
          data-testid={`${testId}-run-again`}
          disabled={runAgainDisabled}
          onClick={onRunAgain}
        >
          {t.runAgain}
        </button>
      )}
    </div>
  );
}
