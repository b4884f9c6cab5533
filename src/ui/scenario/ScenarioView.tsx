/** The scenario workspace: map and editors (built by the editor and map work). */
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';

export function ScenarioView() {
  const { check } = useWorkspace();
  return (
    <section className="card" data-testid="scenario-view">
      <p className="scenario-description" data-testid="scenario-description">
        {check?.ok ? check.description : ''}
      </p>
    </section>
  );
}
