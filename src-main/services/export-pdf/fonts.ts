import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import { FONT } from './typography';

/** The four faces the PDF embeds (as subsets): serif and sans, regular and bold. */
export interface FontFiles {
  readonly serifRegular: string;
  readonly serifBold: string;
  readonly sansRegular: string;
  readonly sansBold: string;
}

/**
 * Where each face comes from: static TTF files of the npm font packages (SIL OFL 1.1). Static
 * TTF, not the system's TTC collections: Windows machines have none, TTC is slower to subset,
 * and SVG text cannot use a TTC face.
 */
const FONT_SOURCES: Readonly<
  Record<keyof FontFiles, { readonly npmPackage: string; readonly file: string }>
> = {
  serifRegular: {
    npmPackage: '@expo-google-fonts/noto-serif-sc',
    file: '400Regular/NotoSerifSC_400Regular.ttf',
  },
  serifBold: { npmPackage: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' },
  sansRegular: {
    npmPackage: '@expo-google-fonts/noto-sans-sc',
    file: '400Regular/NotoSansSC_400Regular.ttf',
  },
  sansBold: { npmPackage: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
};

const FACES = Object.keys(FONT_SOURCES) as (keyof FontFiles)[];

/**
 * The font files. A packaged app passes its `resources/fonts` folder, where electron-builder
 * copies the four files flat (electron-builder.yml, extraResources); a source checkout (CLI,
 * tests, bench) reads them from the npm packages, which are devDependencies so that the app
 * does not ship their other seven weights.
 */
export function resolveFontFiles(fontFolder?: string): FontFiles {
  const require = createRequire(import.meta.url);
  const files = {} as Record<keyof FontFiles, string>;
  for (const face of FACES) {
    const source = FONT_SOURCES[face];
    files[face] =
      fontFolder === undefined
        ? path.join(path.dirname(require.resolve(`${source.npmPackage}/package.json`)), source.file)
        : path.join(fontFolder, path.basename(source.file));
    if (!fs.existsSync(files[face])) {
      throw new AppError(
        'FILE_NOT_FOUND',
        `找不到导出 PDF 所需的字体文件“${files[face]}”，请重新安装本程序`,
        {
          file: files[face],
        },
      );
    }
  }
  return files;
}

export function pdfmakeFonts(files: FontFiles): TFontDictionary {
  return {
    [FONT.serif]: { normal: files.serifRegular, bold: files.serifBold },
    [FONT.sans]: { normal: files.sansRegular, bold: files.sansBold },
  };
}

/** pdfmake may read these four files and nothing else from the disk. */
export function fontAccessPolicy(files: FontFiles): (candidate: string) => boolean {
  const allowed = new Set(FACES.map((face) => path.resolve(files[face])));
  return (candidate) => allowed.has(path.resolve(candidate));
}
