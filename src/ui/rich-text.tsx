import { Fragment, type ReactNode } from 'react';

/**
 * Authored text with the tiny Markdown subset the scenario format allows: **bold** and *italic*.
 * The text is split into pieces and each rendered as React text, so markup, HTML or scripts in a
 * scenario file can never reach the DOM as anything but characters.
 */
export function RichText({ text }: { text: string }) {
  return <>{renderInline(text)}</>;
}

const TOKEN = /(\*\*[^*\n]+\*\*|\*[^*\n]+\*)/g;

/** The pieces of a text: plain strings, <strong> and <em>; exported for tests. */
export function renderInline(text: string): ReactNode[] {
  return text.split(TOKEN).map((part, i) => {
    if (part.length > 4 && part.startsWith('**') && part.endsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.length > 2 && part.startsWith('*') && part.endsWith('*')) return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}
