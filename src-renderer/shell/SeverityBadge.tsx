import type { ReactNode } from 'react';
import type { Severity } from '../../shared/checks/types';

const BADGE_CLASS: Readonly<Record<Severity, string>> = {
  错误: 'badge badge--error',
  提示: 'badge badge--warning',
  信息: 'badge badge--info',
};

/** A finding's severity as the 审核 panel shows it, the same colour wherever a finding is listed. */
export function SeverityBadge({ severity, children }: { severity: Severity; children?: ReactNode }) {
  return <span className={BADGE_CLASS[severity]}>{children ?? severity}</span>;
}

/** One finding in a screen's own list: its severity, then its message. */
export function FindingText({ finding }: { finding: { severity: Severity; message: string } }) {
  return (
    <>
      <SeverityBadge severity={finding.severity} /> {finding.message}
    </>
  );
}
