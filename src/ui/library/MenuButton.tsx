/**
 * A button that opens a menu of actions below it (WAI-ARIA menu button): arrow keys move between
 * the items, Escape or a click elsewhere closes it and focus returns to the button.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';

export interface MenuItem {
  key: string;
  label: ReactNode;
  /** Shown below the label, smaller (e.g. when a recent file was opened). */
  detail?: string;
  testId?: string;
  onSelect: () => void;
}

export function MenuButton({
  label,
  title,
  items,
  empty,
  testId,
  onOpen,
  disabled = false,
}: {
  label: string;
  /** Greyed out (e.g. in a read-only tab, for menus that change the scenario). */
  disabled?: boolean;
  title?: string;
  items: MenuItem[];
  /** Shown when there are no items. */
  empty?: string;
  testId: string;
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    // Escape closes the menu wherever focus is (an empty menu has no item to focus).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, items.length]);

  const onMenuKey = (event: ReactKeyboardEvent) => {
    const entries = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => entries[(index + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Tab') {
      close(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="library-menu">
      <button
        ref={buttonRef}
        type="button"
        data-testid={testId}
        title={title}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            onOpen?.();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="library-menu-list"
          data-testid={`${testId}-menu`}
          onKeyDown={onMenuKey}
        >
          {items.length === 0 && empty && (
            <li role="none" className="library-menu-empty">
              {empty}
            </li>
          )}
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid={item.testId}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                <span className="library-menu-label">{item.label}</span>
                {item.detail && <span className="library-menu-detail">{item.detail}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
