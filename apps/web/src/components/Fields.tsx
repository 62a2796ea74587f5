import type { ReactNode, Ref } from 'react';
import { Checkbox, FormField, Radio, Textarea, TextInput } from '@rijkshuisstijl-community/components-react';

interface FieldBase {
  /** The input's id: labels, descriptions, error messages and the error summary all point at it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  /** Marks the label "(niet verplicht)": the NL Design System marks optional fields, not required ones. */
  optional?: boolean;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  return [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function labelText(label: ReactNode, optional: boolean | undefined): ReactNode {
  return optional ? (
    <>
      {label} <span className="nf-optional">(niet verplicht)</span>
    </>
  ) : (
    label
  );
}

function Field({ id, label, description, error, optional, input }: FieldBase & { input: ReactNode }) {
  return (
    <FormField
      className="nf-field"
      id={id}
      label={labelText(label, optional)}
      description={description ? <span id={`${id}-description`}>{description}</span> : undefined}
      invalid={Boolean(error)}
      errorMessage={error}
      errorMessageId={`${id}-error`}
      statusId={`${id}-status`}
      descriptionId={`${id}-description`}
      input={input}
    />
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date' | 'number' | 'password' | 'search';
  autoComplete?: string;
  maxLength?: number;
  min?: string;
  list?: string;
  inputMode?: 'numeric' | 'text';
  width?: 'sm' | 'md' | 'lg';
}

export function TextField({ value, onChange, type = 'text', width = 'lg', optional, ...field }: TextFieldProps) {
  return (
    <Field
      {...field}
      optional={optional}
      input={
        <TextInput
          id={field.id}
          name={field.id}
          className={`nf-input nf-input--${width}`}
          type={type}
          value={value}
          invalid={Boolean(field.error)}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          autoComplete={field.autoComplete}
          maxLength={field.maxLength}
          min={field.min}
          list={field.list}
          inputMode={field.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      }
    />
  );
}

interface TextAreaFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
}

export function TextAreaField({ value, onChange, rows = 4, optional, ...field }: TextAreaFieldProps) {
  return (
    <Field
      {...field}
      optional={optional}
      input={
        <Textarea
          id={field.id}
          name={field.id}
          className="nf-input nf-input--lg"
          rows={rows}
          value={value}
          maxLength={field.maxLength}
          invalid={Boolean(field.error)}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          onChange={(event) => onChange(event.target.value)}
        />
      }
    />
  );
}

interface FileFieldProps extends FieldBase {
  onChange(file: File | null): void;
  /** The extensions the picker offers, e.g. `.pdf,.docx`. */
  accept?: string;
  disabled?: boolean;
  /** To clear the picker after the file has gone. */
  inputRef?: Ref<HTMLInputElement>;
}

/** One file, picked with the browser's own control: keyboard and screen reader support come with it. */
export function FileField({ onChange, accept, disabled, inputRef, optional, ...field }: FileFieldProps) {
  return (
    <Field
      {...field}
      optional={optional}
      input={
        <input
          ref={inputRef}
          id={field.id}
          name={field.id}
          type="file"
          className={`nf-file${field.error ? ' nf-file--invalid' : ''}`}
          accept={accept}
          disabled={disabled}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      }
    />
  );
}

interface SelectFieldProps extends FieldBase {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  width?: 'sm' | 'md' | 'lg';
}

export function SelectField({ value, onChange, options, width = 'md', optional, ...field }: SelectFieldProps) {
  return (
    <Field
      {...field}
      optional={optional}
      input={
        <select
          id={field.id}
          name={field.id}
          className={`utrecht-select utrecht-select--html-select nf-input nf-input--${width}${
            field.error ? ' utrecht-select--invalid' : ''
          }`}
          value={value}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={describedBy(field.id, field.description, field.error)}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      }
    />
  );
}

interface ChoiceGroupProps {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** Radio buttons or checkboxes under one legend, with the group's error message and description. */
export function ChoiceGroup({ id, legend, description, error, children }: ChoiceGroupProps) {
  return (
    <fieldset
      className={`utrecht-form-fieldset nf-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(id, description, error)}
      id={id}
      tabIndex={-1}
    >
      <legend className="utrecht-form-fieldset__legend nf-legend">{legend}</legend>
      {description && (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="nf-choices">{children}</div>
    </fieldset>
  );
}

interface ChoiceProps {
  id: string;
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  value?: string;
}

export function CheckboxChoice({ id, name, label, checked, onChange, value }: ChoiceProps) {
  return (
    <div className="nf-choice">
      <Checkbox
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

export function RadioChoice({ id, name, label, checked, onChange, value }: ChoiceProps) {
  return (
    <div className="nf-choice">
      <Radio id={id} name={name} value={value} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
