import type { ReactNode } from 'react';

/**
 * A list of small records edited in place (编制, 实有人数分项, 内设机构, 年度重点任务): a row of
 * fields per record with its 删除, and 添加 at the end. The fields get the record and a setter
 * for it; the list hands the whole new list to onChange.
 */
export function RecordList<T>(props: {
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  /** What one record is called, for 添加… and the 删除 buttons' names (删除编制 2). */
  readonly noun: string;
  readonly newItem: () => T;
  readonly fields: (item: T, index: number, update: (item: T) => void) => ReactNode;
}) {
  const { items, onChange, noun } = props;
  return (
    <>
      <div className="record-list">
        {items.map((item, index) => (
          <div key={index} className="record-row">
            {props.fields(item, index, (updated) =>
              onChange(items.map((candidate, at) => (at === index ? updated : candidate))),
            )}
            <button
              type="button"
              className="button button--danger"
              aria-label={`删除${noun} ${index + 1}`}
              onClick={() => onChange(items.filter((_, at) => at !== index))}
            >
              删除
            </button>
          </div>
        ))}
      </div>
      <div>
        <button type="button" className="button" onClick={() => onChange([...items, props.newItem()])}>
          添加{noun}
        </button>
      </div>
    </>
  );
}
