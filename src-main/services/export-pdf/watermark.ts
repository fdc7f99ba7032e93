import type { Content, ContextPageSize } from 'pdfmake/interfaces';
import { FONT, WATERMARK_GREY } from './typography';

export const DEFAULT_WATERMARK = '仅供内部审核';

const ANGLE_DEGREES = -35;
const FONT_SIZE = 26;

/** Marks per row and rows per page (document-spec §1.6: 3 × 3 portrait, 4 × 3 landscape). */
function grid(size: ContextPageSize): { columns: number; rows: number } {
  return size.width > size.height ? { columns: 4, rows: 3 } : { columns: 3, rows: 3 };
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );
}

/**
 * The draft mark tiled diagonally over a whole page, as SVG text in the embedded sans face, so
 * it stays searchable text. It is the page background: tables and text print over it, and as
 * no table cell is filled it shows everywhere without hiding a figure (document-spec §1.6
 * suggests drawing it above the content; behind it no amount is ever covered).
 */
function watermarkSvg(text: string, size: ContextPageSize): string {
  const { columns, rows } = grid(size);
  const marks: string[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = ((column + 0.5) * size.width) / columns;
      const y = ((row + 0.5) * size.height) / rows;
      marks.push(
        `<text x="${x}" y="${y}" text-anchor="middle" transform="rotate(${ANGLE_DEGREES} ${x} ${y})">${escapeXml(text)}</text>`,
      );
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${size.width} ${size.height}"><g font-family="${FONT.sans}" font-size="${FONT_SIZE}" ` +
    `fill="${WATERMARK_GREY}">${marks.join('')}</g></svg>`
  );
}

/** The background of one page: the mark at the page's own size (portrait or landscape). */
export function watermarkBackground(text: string): (size: ContextPageSize) => Content {
  const svgBySize = new Map<string, string>();
  return (size) => {
    const key = `${size.width}x${size.height}`;
    let svg = svgBySize.get(key);
    if (svg === undefined) {
      svg = watermarkSvg(text, size);
      svgBySize.set(key, svg);
    }
    return { svg, width: size.width, height: size.height };
  };
}
