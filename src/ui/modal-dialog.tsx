import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/** Props of ModalDialog. */
export interface ModalDialogProps {
  /** Ids of the dialog's title and body. */
  labelledBy: string;
  describedBy?: string;
  /** The control that takes the focus when the dialog opens (the safe choice). */
  initialFocus: RefObject<HTMLElement | null>;
  /** Escape: the caller closes the dialog. */
  onDismiss: () => void;
  backdropClassName: string;
  className: string;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog over a backdrop: focus moves in, Tab stays inside, Escape dismisses, and focus
 * returns to where it was when the dialog closes. The page behind should be made inert by the caller.
 */
export function ModalDialog({ labelledBy, describedBy, initialFocus, onDismiss, backdropClassName, className, children }: ModalDialogProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initialFocus.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onDismiss();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const controls = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className={backdropClassName}>
      <div ref={box} className={className} role="dialog" aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
