import { useId, useState } from 'react';
import { approvalBlocker } from '../../../shared/review/approval';
import { formatReviewTime, shortHash } from '../../../shared/review/format';
import { REVIEW_STATES, STATE_MOVES } from '../../../shared/review/model';
import type { ReviewStatusView } from '../../../shared/contract/review-views';
import { api } from '../../api/client';
import { RadioChoice, TextField } from '../../forms/fields';
import { Dialog } from '../../shell/Dialog';
import { useReview } from '../../state/review';

type Move = (typeof STATE_MOVES)[number];

/** The state changes and the restores, newest first: what 审核记录 lists. */
function reviewLog(status: ReviewStatusView) {
  return [
    ...status.history.map((change) => ({
      key: `state-${change.id}`,
      at: change.at,
      by: change.by,
      change: `${change.from} → ${change.to}`,
      reason: change.reason,
    })),
    ...status.restores.map((restore) => ({
      key: `restore-${restore.id}`,
      at: restore.at,
      // The request names no one: the reason says why, the edit's label what.
      by: '—',
      change: `恢复到第 ${restore.versionId} 版`,
      reason: restore.reason,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** A step back: the reason is required, and from 已定稿 the user chooses how far back. */
function ReopenDialog(props: { moves: readonly Move[]; operator: string; onClose: () => void }) {
  const [to, setTo] = useState(props.moves[0]?.to ?? '编制中');
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  const changeState = useReview((state) => state.changeState);
  const move = props.moves.find((candidate) => candidate.to === to);
  const submit = async () => {
    setBusy(true);
    const isDone = await changeState(() =>
      api.invoke('review/reopen', {
        by: props.operator,
        reason,
        to: to === '内部审核' ? '内部审核' : '编制中',
      }),
    );
    setBusy(false);
    if (isDone) props.onClose();
  };
  return (
    <Dialog
      title={props.moves.length === 1 ? (props.moves[0]?.action ?? '退回') : '退回'}
      onClose={props.onClose}
    >
      <div className="dialog__form">
        {props.moves.length > 1 && (
          <RadioChoice
            label="退回到"
            name="reopen-to"
            value={to}
            options={props.moves.map((candidate) => ({
              value: candidate.to,
              label: `${candidate.action}（${candidate.to}）`,
            }))}
            onChange={setTo}
          />
        )}
        <TextField label="退回理由" rows={3} value={reason} hint="必填，记入审核记录" onChange={setReason} />
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onClose}>
          取消
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy || reason.trim() === '' || move === undefined}
          onClick={() => void submit()}
        >
          确认{move?.action ?? '退回'}
        </button>
      </div>
    </Dialog>
  );
}

/** The workbook's state, what moves it on (提交审核, 定稿) or back (退回, with a reason), and its history. */
export function ReviewStatePanel({ status }: { status: ReviewStatusView }) {
  const operator = useReview((state) => state.operator);
  const changeState = useReview((state) => state.changeState);
  const [note, setNote] = useState('');
  const [isReopening, setReopening] = useState(false);
  const moves = STATE_MOVES.filter((move) => move.from === status.state);
  const forward = moves.filter((move) => !move.needsReason);
  const back = moves.filter((move) => move.needsReason);
  const hasOperator = operator.trim() !== '';
  const version = status.latestVersion;
  // The service would refuse 定稿 for this reason; say it before the user tries.
  const approvalProblem = status.state === '内部审核' ? approvalBlocker(status) : null;
  const approvalProblemId = useId();

  const moveForward = async (move: Move) => {
    const request = { by: operator, ...(note.trim() === '' ? {} : { note: note.trim() }) };
    const isDone = await changeState(() =>
      move.to === '内部审核' ? api.invoke('review/submit', request) : api.invoke('review/approve', request),
    );
    if (isDone) setNote('');
  };

  return (
    <section className="form-section review-card" aria-label="审核状态">
      <h3>审核状态</h3>
      <ol className="review-states" aria-label="审核阶段">
        {REVIEW_STATES.map((state) => (
          <li key={state}>
            <span className="review-states__state" aria-current={state === status.state ? 'step' : undefined}>
              {state}
            </span>
          </li>
        ))}
      </ol>
      <dl className="review-facts">
        <dt>审核版本</dt>
        <dd>
          {version === null
            ? '尚未提交审核'
            : `第 ${version.id} 版，${formatReviewTime(version.createdAt)} ${version.createdBy}提交`}
        </dd>
        <dt>当前内容</dt>
        <dd>
          <span className="review-hash">{shortHash(status.currentSha256)}</span>
          {version !== null &&
            (status.changedSinceLatestVersion ? (
              <span className="badge badge--warning">与第 {version.id} 版不同，内容已改动</span>
            ) : (
              <span className="badge badge--ok">与第 {version.id} 版一致</span>
            ))}
        </dd>
        <dt>未处理批注</dt>
        <dd>{status.unresolvedComments} 条</dd>
      </dl>
      <div className="review-card__tools">
        {forward.length > 0 && (
          <TextField label="说明（可选）" value={note} maxLength={2000} onChange={setNote} />
        )}
        {forward.map((move) => {
          const problem = move.to === '已定稿' ? approvalProblem : null;
          return (
            <button
              key={move.action}
              type="button"
              className="button button--primary"
              disabled={!hasOperator || problem !== null}
              title={problem ?? (hasOperator ? undefined : '请先填写您的姓名')}
              aria-describedby={problem === null ? undefined : approvalProblemId}
              onClick={() => void moveForward(move)}
            >
              {move.action}
            </button>
          );
        })}
        {back.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={!hasOperator}
            title={hasOperator ? undefined : '请先填写您的姓名'}
            onClick={() => setReopening(true)}
          >
            退回…
          </button>
        )}
      </div>
      {approvalProblem !== null && (
        <p id={approvalProblemId} className="notice">
          暂不能定稿：{approvalProblem.replace(/，不能定稿/, '')}
        </p>
      )}
      {status.history.length > 0 && (
        <table className="review-table" aria-label="审核记录">
          <thead>
            <tr>
              <th>时间</th>
              <th>操作人</th>
              <th>变化</th>
              <th>说明或理由</th>
            </tr>
          </thead>
          <tbody>
            {reviewLog(status).map((entry) => (
              <tr key={entry.key}>
                <td>{formatReviewTime(entry.at)}</td>
                <td>{entry.by}</td>
                <td>{entry.change}</td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isReopening && <ReopenDialog moves={back} operator={operator} onClose={() => setReopening(false)} />}
    </section>
  );
}
