/**
 * One sentence of the 情况说明: what will be printed, the generated text beside a rewrite, the
 * marks 已改写 / 需要复核, and the chart that follows it.
 */
import { useState } from 'react';
import { chartAfter } from '../../../shared/narrative/charts';
import type { NarrativeSentence } from '../../../shared/narrative/document';
import { NarrativeChartImage } from '../../charts/NarrativeChartImage';
import { isUnsavedRewrite, useNarrative } from '../../state/narrative';

export function SentenceView(props: { readonly sentence: NarrativeSentence; readonly label: string }) {
  const { sentence, label } = props;
  const problem = useNarrative((state) =>
    state.sentenceProblem?.sentenceId === sentence.id ? state.sentenceProblem.message : null,
  );
  const editText = useNarrative((state) => state.rewrites[sentence.id]?.text ?? null);
  const { typeRewrite, cancelRewrite } = useNarrative.getState();
  const setEditText = (text: string) => typeRewrite(sentence.id, { label, text });
  const [isSaving, setIsSaving] = useState(false);
  const chart = chartAfter(sentence);

  const save = async (text: string) => {
    setIsSaving(true);
    await useNarrative.getState().editSentence(sentence.id, text);
    setIsSaving(false);
  };

  return (
    <article
      className={`sentence${sentence.isEdited ? ' sentence--edited' : ''}${sentence.isStale ? ' sentence--stale' : ''}`}
      aria-label={label}
    >
      {sentence.heading === undefined ? null : <h4 className="sentence__heading">{sentence.heading}</h4>}
      {editText === null ? (
        <p className="sentence__text">{sentence.text}</p>
      ) : (
        <label className="field">
          <span className="field__label">改写{label}（清空后保存即恢复生成的句子）</span>
          <textarea
            rows={4}
            value={editText}
            autoFocus
            onChange={(event) => setEditText(event.target.value)}
          />
        </label>
      )}
      <div className="sentence__meta">
        {editText !== null && isUnsavedRewrite(editText, sentence) ? (
          <span className="badge badge--warning">未保存</span>
        ) : null}
        {sentence.isEdited ? <span className="badge badge--info">已改写</span> : null}
        {sentence.isStale ? (
          <span className="badge badge--warning" title="改写后表格数据有变动，请对照生成的句子核对">
            需要复核
          </span>
        ) : null}
        <span className="sentence__actions">
          {editText === null ? (
            <>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setEditText(sentence.text)}
              >
                改写
              </button>
              {sentence.isEdited ? (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={isSaving}
                  onClick={() => void save('')}
                >
                  恢复生成的句子
                </button>
              ) : null}
            </>
          ) : (
            <>
              <button
                type="button"
                className="button"
                disabled={isSaving}
                onClick={() => cancelRewrite(sentence.id)}
              >
                取消
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={isSaving}
                onClick={() => void save(editText)}
              >
                保存改写
              </button>
            </>
          )}
        </span>
      </div>
      {sentence.isEdited ? (
        <p className="sentence__generated">
          <span className="sentence__generated-label">按表格生成：</span>
          {sentence.generatedText}
        </p>
      ) : null}
      {problem === null ? null : (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {chart === null ? null : <NarrativeChartImage chart={chart} />}
    </article>
  );
}
