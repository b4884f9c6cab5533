/**
 * The drill view's place in the app: nothing is loaded or run until the planner first opens
 * the view (the app keeps every view mounted, hidden); then its code (the drill format, the
 * editor, the forms) is fetched as its own chunk and stays, as every view does.
 */
import { lazy, Suspense, useState } from 'react';
import { useStrings } from '../i18n.ts';
import { useNavigation } from '../shell/navigation.ts';
import { drillStrings } from './strings.ts';

const DrillRoot = lazy(() => import('./DrillRoot.tsx'));

export function DrillView() {
  const t = useStrings(drillStrings);
  const { view } = useNavigation();
  const [opened, setOpened] = useState(view === 'drill');
  // Opened once, kept: set while rendering (React's pattern for state derived from props).
  if (view === 'drill' && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense
      fallback={
        <p className="placeholder" aria-busy="true" data-testid="drill-loading">
          {t.loading}
        </p>
      }
    >
      <DrillRoot />
    </Suspense>
  );
}
