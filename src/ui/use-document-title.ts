import { useEffect } from 'react';

/** Sets document.title while the calling page is shown; follows title changes (e.g. language). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
