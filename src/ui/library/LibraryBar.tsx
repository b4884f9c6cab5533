/**
 * The scenario library: open a built-in scenario. (Files, drag and drop, recent files, imports
 * and export come with the library work.)
 */
import { BUILTIN_CATALOGUE } from '../../scenarios/builtin/catalogue.ts';
import { useLanguage } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';

export function LibraryBar() {
  const language = useLanguage();
  const { workspace, openBuiltin } = useWorkspace();
  const current = workspace?.origin.kind === 'builtin' ? workspace.origin.id : '';
  return (
    <div className="library-bar">
      <select
        data-testid="scenario-select"
        aria-label={language === 'zh' ? '内置情景' : 'Built-in scenario'}
        value={current}
        onChange={(event) => void openBuiltin(event.target.value)}
      >
        {current === '' && <option value="">—</option>}
        {BUILTIN_CATALOGUE.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.title[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
