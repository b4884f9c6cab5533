/** Replay of one run (built by the replay work). */
export function ReplayView() {
  return <section className="card" data-testid="replay-view" />;
}
