/** What-if comparison of variants (built by the comparison work). */
export function CompareView() {
  return <section className="card" data-testid="compare-view" />;
}
