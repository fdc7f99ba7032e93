import type { Finding } from '../../../shared/checks/engine';
import { SEVERITIES, type Severity } from '../../../shared/checks/types';
import { TABLE_DEFINITIONS } from '../../../shared/tables/definitions';
import { SeverityBadge } from '../../shell/SeverityBadge';
import { useWorkbook } from '../../state/workbook';

const SEVERITY_NOTE: Readonly<Record<Severity, string>> = {
  错误: '须改正：有错误时不能导出正式版',
  提示: '请核对，如尾差',
  信息: '供留意',
};

function FindingItem({ finding }: { finding: Finding }) {
  const goToCell = useWorkbook((state) => state.goToCell);
  const first = finding.cells[0];
  const where = first === undefined ? null : TABLE_DEFINITIONS[first.table].shortName;
  const content = (
    <>
      <span className="finding__rule">{finding.ruleId}</span>
      <span className="finding__message">{finding.message}</span>
      {finding.isRounding && <span className="badge badge--warning">尾差</span>}
      {where !== null && <span className="finding__where">转到{where}</span>}
    </>
  );
  return (
    <li className="finding">
      {first === undefined ? (
        <div className="finding__body">{content}</div>
      ) : (
        <button
          type="button"
          className="finding__body finding__body--link"
          onClick={() => goToCell(first, finding.cells.slice(1))}
        >
          {content}
        </button>
      )}
    </li>
  );
}

/** 审核: every finding of the rule catalogue, by severity; a click moves to the cell concerned. */
export function ChecksScreen() {
  const findings = useWorkbook((state) => state.findings);
  return (
    <section className="screen checks" aria-label="审核">
      <header className="screen__header">
        <h2>审核</h2>
        <span className="screen__subtitle">
          {findings.length === 0 ? '表内、表间的勾稽关系全部相符。' : '点击一条结果，转到相应的单元格。'}
        </span>
      </header>
      <div className="checks__summary" role="group" aria-label="审核结果统计">
        {SEVERITIES.map((severity) => (
          <SeverityBadge key={severity} severity={severity}>
            {severity} {findings.filter((finding) => finding.severity === severity).length}
          </SeverityBadge>
        ))}
      </div>
      <div className="checks__groups">
        {SEVERITIES.map((severity) => {
          const group = findings.filter((finding) => finding.severity === severity);
          if (group.length === 0) return null;
          return (
            <section key={severity} className="checks__group" aria-label={`${severity}（${group.length}）`}>
              <h3>
                <SeverityBadge severity={severity} /> {group.length} 条
                <span className="checks__note">{SEVERITY_NOTE[severity]}</span>
              </h3>
              <ul className="checks__list">
                {group.map((finding, index) => (
                  <FindingItem key={`${finding.ruleId}-${index}`} finding={finding} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
