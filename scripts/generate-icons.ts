/**
 * `npx tsx scripts/generate-icons.ts`: writes the packaging icons into assets/ (electron-builder's
 * buildResources), drawn from the shapes in scripts/icons/marks.ts:
 *   icon.png            1024 px, the master;
 *   icons/NxN.png       the Linux set (hicolor sizes), linux.icon;
 *   icon.ico            Windows, 16–256 px, win.icon and the installer's;
 *   ysgk.ico            Windows, the .ysgk workbook's document icon (fileAssociations).
 * Re-run it after changing the marks and commit the files it writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIco, encodePng } from './icons/formats';
import { appMark, workbookMark } from './icons/marks';
import { type Image, type Layer, downscale, render } from './icons/raster';

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * The mark at each size, scaled down from a large rendering whose size the small one divides:
 * 1024 px for the powers of two, 768 px for 24 and 48.
 */
function renderSizes(layers: readonly Layer[], sizes: readonly number[]): Image[] {
  const masters = [render(layers, 1024), render(layers, 768)];
  return sizes.map((size) => {
    const master = masters.find((image) => image.size % size === 0);
    if (master === undefined) throw new Error(`no rendering divides into ${size} px`);
    return downscale(master, size);
  });
}

/** Every icon file, by its path under assets/. */
export function iconFiles(): Map<string, Buffer> {
  const app = new Map(
    renderSizes(appMark(), [1024, ...LINUX_ICON_SIZES, ...ICO_SIZES]).map((image) => [image.size, image]),
  );
  const appAt = (size: number) => app.get(size) as Image;
  const files = new Map<string, Buffer>();
  files.set('icon.png', encodePng(appAt(1024)));
  for (const size of LINUX_ICON_SIZES) files.set(`icons/${size}x${size}.png`, encodePng(appAt(size)));
  files.set('icon.ico', encodeIco(ICO_SIZES.map(appAt)));
  files.set('ysgk.ico', encodeIco(renderSizes(workbookMark(), ICO_SIZES)));
  return files;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = fileURLToPath(new URL('../assets/', import.meta.url));
  for (const [file, bytes] of iconFiles()) {
    fs.mkdirSync(path.dirname(path.join(assets, file)), { recursive: true });
    fs.writeFileSync(path.join(assets, file), bytes);
    console.log(`assets/${file}  ${(bytes.length / 1024).toFixed(1)} KB`);
  }
}
