/**
 * The form controls of the content screens. Each is a <label> around its control, so a control's
 * accessible name is its Chinese label (tests find them with getByLabel('项目期')).
 */
import type { ReactNode } from 'react';
import { type AmountUnit, UNIT_LABEL, parseAmount } from '../../shared/money';
import './forms.css';

interface FieldProps {
  readonly label: string;
  readonly hint?: string;
  /** Spans the whole row of a form grid. */
  readonly wide?: boolean;
  /** As narrow as a number needs, beside a wider field. */
  readonly narrow?: boolean;
}

function Field(props: FieldProps & { readonly problem?: string | null; readonly children: ReactNode }) {
  return (
    <label
      className={[
        'field',
        props.wide === true && 'field--wide',
        props.narrow === true && 'field--narrow',
        props.problem && 'field--invalid',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <span className="field__label">{props.label}</span>
      {props.children}
      {props.hint === undefined ? null : <span className="field__hint">{props.hint}</span>}
      {props.problem ? (
        <span className="field__problem" role="alert">
          {props.problem}
        </span>
      ) : null}
    </label>
  );
}

export function TextField(
  props: FieldProps & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly rows?: number;
    readonly maxLength?: number;
    readonly placeholder?: string;
    readonly problem?: string | null;
  },
) {
  const { rows, value, onChange, maxLength = 20_000, placeholder } = props;
  return (
    <Field {...props}>
      {rows === undefined ? (
        <input
          type="text"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <textarea
          rows={rows}
          value={value}
          maxLength={maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** An amount typed as text; the problem shows while typing, the amount is parsed on saving. */
export function AmountField(
  props: FieldProps & {
    readonly text: string;
    readonly unit: AmountUnit;
    readonly onChange: (text: string) => void;
  },
) {
  const parsed = parseAmount(props.text, props.unit);
  return (
    <Field {...props} problem={parsed.ok ? null : parsed.reason}>
      <span className="amount-input">
        <input
          type="text"
          inputMode="decimal"
          value={props.text}
          aria-invalid={!parsed.ok}
          onChange={(event) => props.onChange(event.target.value)}
        />
        <span className="amount-input__unit">{UNIT_LABEL[props.unit]}</span>
      </span>
    </Field>
  );
}

/** An amount in a table cell: named by its row and column, its problem under it. */
export function AmountCell(props: {
  readonly label: string;
  readonly text: string;
  readonly unit: AmountUnit;
  readonly onChange: (text: string) => void;
}) {
  const parsed = parseAmount(props.text, props.unit);
  return (
    <span className={`amount-cell${parsed.ok ? '' : ' field--invalid'}`}>
      <input
        type="text"
        inputMode="decimal"
        aria-label={props.label}
        value={props.text}
        aria-invalid={!parsed.ok}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {parsed.ok ? null : (
        <span className="field__problem" role="alert">
          {parsed.reason}
        </span>
      )}
    </span>
  );
}

export function CountField(
  props: FieldProps & {
    readonly text: string;
    readonly onChange: (text: string) => void;
    readonly problem?: string | null;
  },
) {
  return (
    <Field {...props}>
      <input
        type="text"
        inputMode="numeric"
        className="count-input"
        value={props.text}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & {
    readonly value: T | null;
    readonly options: readonly T[];
    readonly onChange: (value: T | null) => void;
    /** The text of the empty choice; without it a value must be chosen. */
    readonly emptyLabel?: string;
    readonly optionLabel?: (option: T) => string;
  },
) {
  const { options, emptyLabel, optionLabel = (option: T) => option } = props;
  return (
    <Field {...props}>
      <select
        value={props.value ?? ''}
        onChange={(event) => {
          const chosen = options.find((option) => option === event.target.value);
          props.onChange(chosen ?? null);
        }}
      >
        {emptyLabel === undefined ? null : <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One of a few choices, as radio buttons in a named group. */
export function RadioChoice<T extends string>(props: {
  readonly label: string;
  /** The radio group's form name, unique on the page. */
  readonly name: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}) {
  return (
    <fieldset className="radio-choice">
      <legend className="field__label">{props.label}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function CheckboxField(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** Problems that stop a save, or the main process's refusal, in one list. */
function ProblemList(props: { readonly title: string; readonly problems: readonly string[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="problem-list" role="alert" aria-label={props.title}>
      <strong>{props.title}</strong>
      <ul>
        {props.problems.map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

/** The end of a form: why the last save did not happen, what changed, and the buttons. */
export function SaveBar(props: {
  readonly problems: readonly string[];
  readonly isDirty: boolean;
  readonly isSaving: boolean;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly saveLabel?: string;
  readonly status?: string | null;
}) {
  return (
    <>
      <ProblemList title="未能保存" problems={props.problems} />
      <div className="save-bar">
        <span className="save-bar__status" role="status">
          {props.isSaving ? '正在保存…' : props.isDirty ? '有未保存的修改' : (props.status ?? '')}
        </span>
        <button
          type="button"
          className="button"
          onClick={props.onDiscard}
          disabled={!props.isDirty || props.isSaving}
        >
          放弃修改
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onSave}
          disabled={!props.isDirty || props.isSaving}
        >
          {props.saveLabel ?? '保存'}
        </button>
      </div>
    </>
  );
}
