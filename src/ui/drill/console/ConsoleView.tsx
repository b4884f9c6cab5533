export function ConsoleView() {
  return null;
}
