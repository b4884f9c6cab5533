export function PlanView() {
  return null;
}
