// The toolbar and store icons, rendered from the SVG sources in assets/icons/ at every size the
// manifest names. Rendered at build time (wxt.config.ts) so the PNGs can never drift from their
// source; @resvg/resvg-js ships prebuilt per platform and runs no install script.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../node/paths';

const SOURCES = join(ROOT, 'assets/icons');
export const ICON_CACHE = join(ROOT, 'assets/generated/icons');

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** The 16 px icon is drawn on its own pixel grid; larger ones scale the detailed drawing. */
function sourceFor(size: number): string {
  return join(SOURCES, size <= 16 ? 'icon-16.svg' : 'icon.svg');
}

/** Path of each icon inside the built extension, by size (for the manifest). */
export function manifestIcons(): Record<number, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));
}

/** Renders every size into ICON_CACHE; returns the files to copy into the extension. */
export function renderIcons(): { absoluteSrc: string; relativeDest: string }[] {
  mkdirSync(ICON_CACHE, { recursive: true });
  return ICON_SIZES.map((size) => {
    const png = new Resvg(readFileSync(sourceFor(size), 'utf8'), { fitTo: { mode: 'width', value: size } })
      .render()
      .asPng();
    const absoluteSrc = join(ICON_CACHE, `${size}.png`);
    writeFileSync(absoluteSrc, png);
    return { absoluteSrc, relativeDest: `icons/${size}.png` };
  });
}
