/** Props of SkipLink. */
export interface SkipLinkProps {
  /** id of the element that receives focus, usually the main landmark. */
  targetId: string;
  label: string;
}

/** First focusable element of the page: lets keyboard users jump past the header and navigation. */
export function SkipLink({ targetId, label }: SkipLinkProps) {
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {label}
    </a>
  );
}
