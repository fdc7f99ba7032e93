/**
 * The 审核签章页 of a review draft: which version was reviewed, every stamp with its opinion,
 * seal and status (有效 / 已失效 / 校验失败) as of the export, and the hashes that bind them.
 * It is printed after the last part, so the document's own pages are numbered as in the
 * final version.
 */
import type { Content, ContentSection, TableCell } from 'pdfmake/interfaces';
import { formatReviewTime, shortHash } from '../../../shared/review/format';
import type { ReviewState, ReviewStatus, StampStatus } from '../../../shared/review/model';
import { FONT, FONT_SIZE, RULE_WIDTH } from './typography';

export interface PrintedStamp {
  readonly reviewer: string;
  readonly role: string;
  readonly stampedAt: string;
  readonly versionId: number;
  readonly opinion: string;
  readonly opinionText: string;
  readonly status: StampStatus;
  readonly statusReason: string;
  /** The seal as a data URL, or null. */
  readonly seal: string | null;
}

/** Plain data: it crosses into the render worker. */
export interface StampPage {
  readonly state: ReviewState;
  readonly versionId: number | null;
  readonly versionSha256: string | null;
  readonly currentSha256: string;
  readonly chainHead: string;
  readonly stamps: readonly PrintedStamp[];
}

export const STAMP_PAGE_TITLE = '内部审核签章页';

export function stampPageOf(status: ReviewStatus): StampPage {
  return {
    state: status.state,
    versionId: status.latestVersion?.id ?? null,
    versionSha256: status.latestVersion?.contentSha256 ?? null,
    currentSha256: status.currentSha256,
    chainHead: status.chainHead,
    stamps: status.stamps.map((stamp) => ({
      reviewer: stamp.reviewer,
      role: stamp.role,
      stampedAt: formatReviewTime(stamp.stampedAt),
      versionId: stamp.versionId,
      opinion: stamp.opinion,
      opinionText: stamp.opinionText,
      status: stamp.status,
      statusReason: stamp.statusReason,
      seal:
        stamp.seal === null ? null : `data:image/png;base64,${Buffer.from(stamp.seal).toString('base64')}`,
    })),
  };
}

const SEAL_SIZE = 54;
// Wide enough for 校验失败 on one line; its reason wraps under it.
const STATUS_WIDTH = 96;
const HEADERS = ['序号', '审核人', '职务', '盖章时间', '版本', '审核意见', '印章', '状态'];

function stampRow(stamp: PrintedStamp, index: number): TableCell[] {
  return [
    { text: String(index + 1), alignment: 'center' },
    stamp.reviewer,
    stamp.role,
    stamp.stampedAt,
    { text: `第${stamp.versionId}版`, alignment: 'center' },
    { text: stamp.opinionText === '' ? stamp.opinion : `${stamp.opinion}：${stamp.opinionText}` },
    stamp.seal === null
      ? { text: '—', alignment: 'center' }
      : { image: stamp.seal, fit: [SEAL_SIZE, SEAL_SIZE], alignment: 'center' },
    {
      stack: [
        { text: stamp.status, bold: true, font: FONT.sans },
        ...(stamp.statusReason === '' ? [] : [{ text: stamp.statusReason, fontSize: FONT_SIZE.footer - 1 }]),
      ],
    },
  ];
}

function facts(page: StampPage): Content {
  const versionLine =
    page.versionId === null || page.versionSha256 === null
      ? '审核版本：尚未提交审核'
      : `审核版本：第 ${page.versionId} 版，内容校验值 ${shortHash(page.versionSha256)}`;
  const matches = page.versionSha256 === page.currentSha256;
  return {
    stack: [
      `工作簿状态：${page.state}`,
      versionLine,
      `当前内容校验值：${shortHash(page.currentSha256)}（${matches ? '与审核版本一致' : '与审核版本不同，内容已改动'}）`,
      `印章链校验值：${shortHash(page.chainHead)}`,
    ],
    fontSize: FONT_SIZE.nameLine,
    lineHeight: 1.4,
    margin: [0, 0, 0, 12],
  };
}

export function stampPageSection(page: StampPage): ContentSection {
  return {
    section: [
      {
        text: STAMP_PAGE_TITLE,
        outline: true,
        font: FONT.sans,
        bold: true,
        fontSize: FONT_SIZE.partHeading,
        alignment: 'center',
        margin: [0, 0, 0, 16],
      },
      facts(page),
      page.stamps.length === 0
        ? { text: '尚无审核印章。', fontSize: FONT_SIZE.nameLine }
        : {
            table: {
              headerRows: 1,
              widths: ['auto', 'auto', 'auto', 'auto', 'auto', '*', SEAL_SIZE, STATUS_WIDTH],
              body: [
                HEADERS.map((header) => ({ text: header, font: FONT.sans, bold: true, alignment: 'center' })),
                ...page.stamps.map(stampRow),
              ],
              dontBreakRows: true,
            },
            layout: { hLineWidth: () => RULE_WIDTH, vLineWidth: () => RULE_WIDTH },
            fontSize: FONT_SIZE.table,
          },
      {
        text:
          '说明：每枚印章记录所盖章版本全部内容（数字与文字）的 SHA-256 校验值；此后内容如有改动，印章即显示为“已失效”。' +
          '印章记录在程序之外被改动时显示为“校验失败”。',
        fontSize: FONT_SIZE.footer,
        margin: [0, 12, 0, 0],
      },
    ],
    pageOrientation: 'portrait',
  };
}
