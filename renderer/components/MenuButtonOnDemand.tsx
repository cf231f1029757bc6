import { Button, Menu, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A small button that opens a menu, for lists that show one per row. A Fluent Menu costs its
 * hooks, context and listeners while it is closed, and the Profiles screen has two per row
 * (100 per page, a fifth of its first draw, issue 16.2). So the row first shows a plain button
 * with the same name and `aria-haspopup`, and the Menu is mounted on the first sign of use: the
 * pointer over the button (it is then there before the click), or a click, Enter, Space or
 * ArrowDown, which open it as its trigger would. From then on it is Fluent's Menu and trigger:
 * the keyboard, focus return on close and `aria-expanded` are theirs.
 */
export function MenuButtonOnDemand({ label, children, items }: {
  /** The button's accessible name (e.g. "Export Contoso HQ"). */
  label: string;
  /** The button's visible text. */
  children: ReactNode;
  /** The menu's items, rendered once the menu is mounted. */
  items: () => ReactNode;
}) {
  // null: not mounted yet; otherwise whether the Menu starts open (the activation that mounted it asked for it).
  const [mounted, setMounted] = useState<{ open: boolean } | null>(null);
  if (!mounted) {
    const openOnArrowDown = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowDown') return;
      e.preventDefault(); // as Fluent's trigger: the page does not scroll
      setMounted({ open: true });
    };
    return (
      <Button size="small" aria-label={label} aria-haspopup="menu" onPointerEnter={() => setMounted({ open: false })} onClick={() => setMounted({ open: true })} onKeyDown={openOnArrowDown}>
        {children}
      </Button>
    );
  }
  return (
    <Menu defaultOpen={mounted.open}>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" aria-label={label}>{children}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>{items()}</MenuList>
      </MenuPopover>
    </Menu>
  );
}
