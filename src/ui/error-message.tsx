import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of ErrorMessage; every text arrives already translated. */
export interface ErrorMessageProps {
  heading: string;
  body: string;
  /** Buttons or links that let the user recover. */
  actions: ReactNode;
}

/**
 * A calm, recoverable error: what happened in plain words and what to do next. It takes focus on
 * mount so keyboard and screen-reader users land on it instead of on a vanished element.
 */
export function ErrorMessage({ heading, body, actions }: ErrorMessageProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="error-message" aria-labelledby={headingId}>
      <h1 id={headingId} ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <p>{body}</p>
      <div className="error-message__actions">{actions}</div>
    </section>
  );
}
