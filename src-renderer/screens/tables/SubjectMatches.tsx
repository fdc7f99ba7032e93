/** A catalogue entry found by code or name, as the add-row dialogs list them. */
export interface SubjectMatch {
  readonly code: string;
  readonly name: string;
  /** 类/款/项, and whether the table already lists it. */
  readonly note?: string;
}

export function SubjectMatches(props: {
  matches: readonly SubjectMatch[];
  chosen: string;
  onChoose: (code: string) => void;
}) {
  if (props.matches.length === 0) return null;
  return (
    <ul className="subject-matches" aria-label="查找结果">
      {props.matches.map((subject) => (
        <li key={subject.code}>
          <button
            type="button"
            className="subject-matches__item"
            aria-pressed={props.chosen === subject.code}
            onClick={() => props.onChoose(subject.code)}
          >
            <span className="subject-matches__code">{subject.code}</span>
            <span className="subject-matches__name">{subject.name}</span>
            <span className="subject-matches__note">{subject.note}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
