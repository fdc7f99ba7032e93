import { UNIT_TYPES, type UnitType } from '../../shared/workbook/content';

/** 单位类型: 行政, 参公, 事业, or not given yet. */
export function UnitTypeSelect(props: {
  id?: string;
  label?: string;
  value: UnitType | null;
  onChange: (value: UnitType | null) => void;
}) {
  return (
    <select
      id={props.id}
      className="input"
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(UNIT_TYPES.find((type) => type === event.target.value) ?? null)}
    >
      <option value="">未指定</option>
      {UNIT_TYPES.map((type) => (
        <option key={type} value={type}>
          {type}
        </option>
      ))}
    </select>
  );
}
