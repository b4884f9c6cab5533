export function PrintView() {
  return null;
}
