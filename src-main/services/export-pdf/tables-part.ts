import { documentTitles, nameLine } from '../../../shared/tables/reference-json';
import { TABLE_KEYS } from '../../../shared/tables/types';
import type { WorkbookProfile } from '../../../shared/workbook/content';
import type { EvaluatedWorkbook } from '../../../shared/workbook/evaluate';
import { type DocumentPart, partHeading } from './document-part';
import { tableAnchor, tablePage } from './table-page';

const PART_ANCHOR = 'part-tables';

/**
 * 第二部分 {year}年{部门|单位}预算报表: the thirteen tables, 表一 on the part's first page under
 * the part heading, every other table from a new page.
 */
export function tablesPart(profile: WorkbookProfile, evaluated: EvaluatedWorkbook): DocumentPart {
  const heading = documentTitles(profile.scope, profile.year).partTitle;
  const line = nameLine(profile.scope, profile.name);
  const tables = TABLE_KEYS.map((key) => evaluated[key]);
  return {
    tocEntries: [
      { level: 1, text: heading, target: PART_ANCHOR },
      ...tables.map((table) => ({
        level: 2 as const,
        text: `${table.definition.shortName}${table.title}`,
        target: tableAnchor(table),
      })),
    ],
    sections: tables.map((table, index) =>
      tablePage(table, line, PART_ANCHOR, index === 0 ? partHeading(heading, PART_ANCHOR) : null),
    ),
  };
}
