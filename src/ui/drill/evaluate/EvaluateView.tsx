export function EvaluateView() {
  return null;
}
