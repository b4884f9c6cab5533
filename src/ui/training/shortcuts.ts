/**
 * Keyboard shortcuts of the trainee's seat: every action has a key, and the keys that work now
 * are shown on screen (ShortcutBar). A key typed into a text field belongs to the field.
 */
import { useEffect, useEffectEvent } from 'react';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it (letters in lower case). */
  keys: string[];
  /** What the bar shows for the key ("A", "1–4", "↑↓"). */
  label: string;
  /** What it does, in the page's language. */
  action: string;
  run(event: KeyboardEvent): void;
  /** Shown but inactive when false. */
  enabled?: boolean;
}

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.closest) return false;
  return Boolean(
    element.closest('input[type="text"], input:not([type]), textarea, [contenteditable="true"]'),
  );
}

/** Listens for the shortcuts while `active` (the view is shown and nothing modal is open). */
export function useShortcuts(shortcuts: Shortcut[], active: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const shortcut = shortcuts.find((s) => s.enabled !== false && s.keys.includes(key));
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run(event);
  });
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);
}
