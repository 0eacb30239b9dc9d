/**
 * The figure markup inside a fence's element, whichever fallback it is: the
 * inline HTML fragment as it stands, or the SVG file of an `<img>`, decoded.
 */
export function figureMarkup(inside: string): string {
  const img = /^<img alt="[^"]*" style="[^"]*" src="data:image\/svg\+xml,([^"]*)">$/.exec(inside.trim());
  return img ? decodeURIComponent(img[1]!) : inside;
}

/** How many cells of the cell contract's `kind` the markup draws. */
export const cellCount = (markup: string, kind: string) => markup.split(`data-kind="${kind}"`).length - 1;
