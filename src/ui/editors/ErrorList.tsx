/** The loader's errors above the editors, each a link to its field. */
import type { ScenarioProblem } from '../../scenarios/load.ts';
import { useStrings } from '../i18n.ts';
import { editorStrings } from './strings.ts';

/** Errors listed at once; the rest are counted (a broken file can have thousands). */
const LISTED = 8;

export function ErrorList({
  errors,
  onGoTo,
}: {
  errors: readonly ScenarioProblem[];
  onGoTo(path: string): void;
}) {
  const t = useStrings(editorStrings);
  if (errors.length === 0) return null;
  return (
    <div className="problems editors-error-list" role="alert" data-testid="editor-errors">
      <p className="editors-error-title">{t.errorListTitle(errors.length)}</p>
      <ul>
        {errors.slice(0, LISTED).map((error, index) => (
          <li key={index}>
            <button
              type="button"
              className="editors-link"
              data-testid="editor-error-link"
              data-path={error.path}
              onClick={() => onGoTo(error.path)}
            >
              <code>{error.path || t.wholeFile}</code>
            </button>{' '}
            {error.message}
          </li>
        ))}
      </ul>
      {errors.length > LISTED && <p className="hint">{t.moreErrors(errors.length - LISTED)}</p>}
    </div>
  );
}
