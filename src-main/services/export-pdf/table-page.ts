import type { Content, ContentSection } from 'pdfmake/interfaces';
import { AMOUNT_UNIT_LINE, EMPTY_TABLE_NOTE } from '../../../shared/tables/vocabulary';
import type { EvaluatedTable } from '../../../shared/workbook/evaluate';
import { printedTable } from './printed-table';
import { tableNode } from './table-node';
import { FONT, FONT_SIZE } from './typography';

function emptyNote(): Content {
  return { text: EMPTY_TABLE_NOTE, fontSize: FONT_SIZE.nameLine, margin: [0, 4, 0, 0] };
}

export function tableAnchor(table: EvaluatedTable): string {
  return `table-${table.definition.key}`;
}

/**
 * One table on its own page(s), in the published order (document-spec §2): the label
 * 预算公开表N on the right, the centred title, the 名称 line with 单位：万元 on the right, the
 * table, and 注：本表无数据 under an empty one. 表九 is labelled 预算公开表9, not the template's
 * 部门公开表9 quirk. `lead` goes above the label (the part heading on the part's first page).
 */
export function tablePage(
  table: EvaluatedTable,
  nameLine: string,
  outlineParent: string,
  lead: Content | null,
): ContentSection {
  const { definition } = table;
  return {
    section: [
      ...(lead === null ? [] : [lead]),
      { text: `预算公开表${definition.no}`, alignment: 'right', fontSize: FONT_SIZE.tableLabel },
      {
        text: table.title,
        id: tableAnchor(table),
        outline: true,
        outlineParentId: outlineParent,
        outlineText: `${definition.shortName}${table.title}`,
        font: FONT.sans,
        bold: true,
        fontSize: FONT_SIZE.tableTitle,
        alignment: 'center',
        margin: [0, 2, 0, 8],
      },
      {
        columns: [
          { text: nameLine, width: '*' },
          { text: AMOUNT_UNIT_LINE, width: 'auto', margin: [12, 0, 0, 0] },
        ],
        fontSize: FONT_SIZE.nameLine,
        margin: [0, 0, 0, 4],
      },
      tableNode(printedTable(table)),
      ...(table.isEmpty ? [emptyNote()] : []),
    ],
    pageOrientation: definition.isLandscape ? 'landscape' : 'portrait',
  };
}
