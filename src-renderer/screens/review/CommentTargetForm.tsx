import { useEffect, useState } from 'react';
import type { TableView } from '../../../shared/contract/views';
import type { CommentTarget } from '../../../shared/review/model';
import { TABLE_DEFINITIONS } from '../../../shared/tables/definitions';
import { TABLE_KEYS, type TableKey } from '../../../shared/tables/types';
import { describeCell, printedRowNumber, rowLabel } from '../../../shared/workbook/describe';
import { api } from '../../api/client';
import { RadioChoice } from '../../forms/fields';
import { useReview } from '../../state/review';
import { useWorkbook } from '../../state/workbook';
import { useAnswer } from './use-answer';

type Kind = CommentTarget['kind'];

const KIND_CHOICES: readonly { value: Kind; label: string }[] = [
  { value: 'cell', label: '所选单元格' },
  { value: 'row', label: '表格的一行' },
  { value: 'goalSheet', label: '绩效目标表' },
  { value: 'section', label: '情况说明的一部分' },
];

/** A table as the renderer fetched it, for naming its rows and cells. */
function useTable(table: TableKey | null): TableView | null {
  const revision = useWorkbook((state) => state.revision);
  const view = useAnswer(table === null ? null : () => api.invoke('tables/get', { table }), [
    table,
    revision,
  ]);
  // Until the chosen table's answer arrives, the last one is another table's.
  return view?.key === table ? view : null;
}

function withDefinition(view: TableView) {
  return { ...view, definition: TABLE_DEFINITIONS[view.key] };
}

function Select(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Where a new comment points: the cell last chosen in a table, a row of a table, a goal sheet
 * or a 情况说明 section. Reports the target (null while incomplete) and its words.
 */
export function CommentTargetForm(props: { onChange: (target: CommentTarget | null) => void }) {
  const { onChange } = props;
  const lastCell = useReview((state) => state.lastCell);
  const projects = useWorkbook((state) => state.summary?.projects ?? []);
  const revision = useWorkbook((state) => state.revision);
  const [kind, setKind] = useState<Kind>(lastCell === null ? 'row' : 'cell');
  const [table, setTable] = useState<TableKey>('t1');
  const [row, setRow] = useState('');
  const [projectId, setProjectId] = useState('whole');
  const [sectionNo, setSectionNo] = useState('');
  const cellTable = useTable(kind === 'cell' && lastCell !== null ? lastCell.table : null);
  const rowTable = useTable(kind === 'row' ? table : null);

  const narrative = useAnswer(kind === 'section' ? () => api.invoke('narrative/get', {}) : null, [
    kind,
    revision,
  ]);
  const sections = narrative ?? [];
  const chosenSection = sections.some((section) => section.no === sectionNo)
    ? sectionNo
    : (sections[0]?.no ?? '');

  const rowKey = rowTable?.rows.some((candidate) => candidate.key === row)
    ? row
    : (rowTable?.rows[0]?.key ?? '');
  const target: CommentTarget | null =
    kind === 'cell'
      ? lastCell === null
        ? null
        : { kind, ...lastCell }
      : kind === 'row'
        ? rowKey === ''
          ? null
          : { kind, table, row: rowKey }
        : kind === 'goalSheet'
          ? { kind, projectId: projectId === 'whole' ? null : Number(projectId) }
          : chosenSection === ''
            ? null
            : { kind, sectionNo: chosenSection };
  // Reported by value: the object is new on every render, the target it names is not.
  const key = JSON.stringify(target);
  useEffect(() => onChange(key === 'null' ? null : (JSON.parse(key) as CommentTarget)), [key, onChange]);

  return (
    <div className="comment-form__target">
      <RadioChoice
        label="批注位置"
        name="comment-kind"
        value={kind}
        options={KIND_CHOICES}
        onChange={setKind}
      />
      {kind === 'cell' && (
        <p className="form-section__note" aria-label="所选单元格">
          {lastCell === null
            ? '尚未在表格中选中单元格：请先到表格中点选一个金额单元格，再回到这里。'
            : cellTable === null
              ? '…'
              : describeCell(withDefinition(cellTable), lastCell)}
        </p>
      )}
      {kind === 'row' && (
        <>
          <Select
            label="表格"
            value={table}
            options={TABLE_KEYS.map((key) => ({ value: key, label: TABLE_DEFINITIONS[key].shortName }))}
            onChange={(value) => setTable(value as TableKey)}
          />
          <Select
            label="行"
            value={rowKey}
            options={(rowTable?.rows ?? []).map((candidate) => ({
              value: candidate.key,
              label: `第${printedRowNumber(withDefinition(rowTable as TableView), candidate.key)}行 ${rowLabel(candidate, candidate.key)}`,
            }))}
            onChange={setRow}
          />
        </>
      )}
      {kind === 'goalSheet' && (
        <Select
          label="绩效目标表"
          value={projectId}
          options={[
            { value: 'whole', label: '整体支出绩效目标表' },
            ...projects
              .filter((project) => project.kind === 'current')
              .map((project) => ({ value: String(project.id), label: `项目：${project.name}` })),
          ]}
          onChange={setProjectId}
        />
      )}
      {kind === 'section' && (
        <Select
          label="情况说明部分"
          value={chosenSection}
          options={sections.map((section) => ({
            value: section.no,
            label: `${section.no}、${section.title}`,
          }))}
          onChange={setSectionNo}
        />
      )}
    </div>
  );
}
