/**
 * The disclosure is assembled from parts (document-spec §1.1): 第一部分 概况, 第二部分 the
 * thirteen tables, 第三部分 情况说明 with its charts and goal sheets, 第四部分 名词解释. A part
 * brings its pages as pdfmake sections and the 目录 entries pointing into them; the builder
 * lays the parts out in order after the cover and the 目录.
 */
import type { Content, ContentSection } from 'pdfmake/interfaces';
import { FONT, FONT_SIZE } from './typography';

/** One line of the 目录: level 1 a part, 2 a table or section, 3 a sub-section. */
export interface TocEntry {
  readonly level: 1 | 2 | 3;
  readonly text: string;
  /** Id of the printed heading; pdfmake resolves its page number when it lays the document out. */
  readonly target: string;
}

export interface DocumentPart {
  readonly tocEntries: readonly TocEntry[];
  /** Each section starts a new page with its own orientation; continuation pages inherit it. */
  readonly sections: readonly ContentSection[];
}

/** A part heading (第二部分 …): the 目录 points at it and the PDF bookmarks start from it. */
export function partHeading(text: string, id: string): Content {
  return {
    text,
    id,
    outline: true,
    font: FONT.sans,
    bold: true,
    fontSize: FONT_SIZE.partHeading,
    alignment: 'center',
    margin: [0, 0, 0, 12],
  };
}
