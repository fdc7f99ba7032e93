import type { ContentSection } from 'pdfmake/interfaces';
import { documentTitles } from '../../../shared/tables/reference-json';
import type { WorkbookProfile } from '../../../shared/workbook/content';
import { FONT, FONT_SIZE } from './typography';

/**
 * The cover: the unit's full name, then {year}年度{部门|单位}预算公开, and nothing else
 * (document-spec §1.2). It carries no page number.
 */
export function coverSection(profile: WorkbookProfile): ContentSection {
  return {
    section: [
      {
        text: profile.name,
        font: FONT.sans,
        bold: true,
        fontSize: FONT_SIZE.coverUnit,
        alignment: 'center',
        margin: [0, 250, 0, 36],
      },
      {
        text: documentTitles(profile.scope, profile.year).coverTitle,
        font: FONT.sans,
        bold: true,
        fontSize: FONT_SIZE.coverTitle,
        alignment: 'center',
      },
    ],
    pageOrientation: 'portrait',
    footer: null,
  };
}
