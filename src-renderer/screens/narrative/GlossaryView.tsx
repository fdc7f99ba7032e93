import { glossaryFor } from '../../../shared/narrative/glossary';

/** 第四部分 名词解释: the standard text of the budget year, not editable. */
export function GlossaryView(props: { readonly year: number }) {
  const entries = glossaryFor(props.year);
  return (
    <section className="form-section glossary" aria-label="名词解释">
      <h3>第四部分 名词解释</h3>
      <p className="form-section__note">名词解释为 {props.year} 年度的标准文本，随文件印出，不能修改。</p>
      <dl>
        {entries.map((entry, index) => (
          <div key={entry.term} className="glossary__entry">
            <dt>
              {index + 1}. {entry.term}：
            </dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
