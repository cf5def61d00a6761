// How the desk compares what was typed with what a document says: case, accents and spacing do
// not count.

/** Uppercase, accents removed, single spaces: how names and CURPs are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** foldText without spaces, dots or dashes: how affiliation and policy numbers are compared. */
export const foldCode = (text: string): string => foldText(text).replace(/[ .-]+/g, '');
