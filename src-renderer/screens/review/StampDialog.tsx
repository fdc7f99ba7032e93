import { useRef, useState } from 'react';
import { STAMP_OPINIONS, type StampOpinion } from '../../../shared/review/model';
import { api } from '../../api/client';
import { RadioChoice, TextField } from '../../forms/fields';
import { Dialog } from '../../shell/Dialog';
import { useReview } from '../../state/review';
import { type SealFile, readSealFile, sealDataUrl } from './seal-file';

/** 签章: a reviewer's name, role, opinion (通过 / 退回修改 with words) and an optional seal PNG. */
export function StampDialog(props: { versionId: number; onClose: () => void }) {
  const operator = useReview((state) => state.operator);
  const update = useReview((state) => state.update);
  const [reviewer, setReviewer] = useState(operator);
  const [role, setRole] = useState('');
  const [opinion, setOpinion] = useState<StampOpinion>('通过');
  const [opinionText, setOpinionText] = useState('');
  const [seal, setSeal] = useState<SealFile | null>(null);
  const [sealProblem, setSealProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const sealInput = useRef<HTMLInputElement>(null);

  const chooseSeal = async (file: File | undefined) => {
    setSeal(null);
    setSealProblem(null);
    if (file === undefined) return;
    try {
      setSeal(await readSealFile(file));
    } catch (error) {
      setSealProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const missing =
    reviewer.trim() === ''
      ? '请填写审核人姓名'
      : role.trim() === ''
        ? '请填写审核人职务或角色'
        : opinion === '退回修改' && opinionText.trim() === ''
          ? '退回修改时请写明修改意见'
          : null;

  const stamp = async () => {
    setBusy(true);
    const isDone = await update(() =>
      api.invoke('review/stamp', {
        reviewer: reviewer.trim(),
        role: role.trim(),
        opinion,
        opinionText: opinionText.trim(),
        ...(seal === null ? {} : { sealPngBase64: seal.base64 }),
      }),
    );
    setBusy(false);
    if (isDone) props.onClose();
  };

  return (
    <Dialog title="签章" onClose={props.onClose}>
      <p className="form-section__note">
        印章盖在第 {props.versionId}{' '}
        版上，记录这一版全部内容的校验值；此后内容如有改动，印章即显示为“已失效”。
      </p>
      <div className="dialog__form">
        <TextField label="审核人" value={reviewer} maxLength={200} onChange={setReviewer} />
        <TextField label="职务或角色" value={role} maxLength={200} onChange={setRole} />
        <RadioChoice
          label="审核意见"
          name="stamp-opinion"
          value={opinion}
          options={STAMP_OPINIONS.map((value) => ({ value, label: value }))}
          onChange={setOpinion}
        />
        <TextField
          label={opinion === '退回修改' ? '修改意见（必填）' : '意见说明（可选）'}
          rows={3}
          value={opinionText}
          onChange={setOpinionText}
        />
        <div className="field">
          <span className="field__label">印章图片（可选，PNG，不超过 512 KB）</span>
          {/* The browser's own file button speaks the system's language; this one speaks Chinese. */}
          <input
            ref={sealInput}
            className="visually-hidden"
            type="file"
            accept="image/png"
            aria-label="印章图片"
            tabIndex={-1}
            onChange={(event) => void chooseSeal(event.target.files?.[0])}
          />
          <span className="seal-choice">
            <button type="button" className="button" onClick={() => sealInput.current?.click()}>
              选择印章图片…
            </button>
            {seal === null ? (
              <span className="field__hint">未选择</span>
            ) : (
              <>
                <img className="review-seal" src={sealDataUrl(seal.base64)} alt="所选印章" />
                <span className="field__hint">
                  {seal.name}，{Math.max(1, Math.round(seal.bytes / 1024))} KB
                </span>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => {
                    setSeal(null);
                    if (sealInput.current !== null) sealInput.current.value = '';
                  }}
                >
                  不用印章图片
                </button>
              </>
            )}
          </span>
          {sealProblem !== null && (
            <span className="field__problem" role="alert">
              {sealProblem}
            </span>
          )}
        </div>
      </div>
      <div className="dialog__actions">
        {missing !== null && <span className="form-section__note">{missing}</span>}
        <button type="button" className="button" onClick={props.onClose}>
          取消
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy || missing !== null || sealProblem !== null}
          onClick={() => void stamp()}
        >
          盖章
        </button>
      </div>
    </Dialog>
  );
}
