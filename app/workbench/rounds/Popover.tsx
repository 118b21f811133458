'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ChevronDownIcon } from '../../components/icons';
import styles from './toolbar.module.css';

export interface PopoverProps {
  /** what the button shows */
  label: ReactNode;
  title?: string;
  testId: string;
  /** the button's class (a tab of the current view: 'primary') */
  className?: string;
  /** the panel's content; a function gets the panel's close (a menu whose choice closes it) */
  children: ReactNode | ((close: () => void) => ReactNode);
}

/**
 * A button that opens a small panel under it, for the toolbar's folded controls: closed by the button again, by
 * Escape, or by a click anywhere else.
 */
export function Popover({ label, title, testId, className, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <span ref={box} className={styles.popover}>
      <button type="button" data-testid={testId} className={className} aria-expanded={open} title={title} onClick={() => setOpen((o) => !o)}>
        {label} <ChevronDownIcon />
      </button>
      {open ? (
        <div className={`panel ${styles.popoverPanel}`} data-testid={`${testId}-panel`}>
          {typeof children === 'function' ? children(() => setOpen(false)) : children}
        </div>
      ) : null}
    </span>
  );
}
