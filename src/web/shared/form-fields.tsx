import type { ComponentChildren } from 'preact';

/** One problem with a submitted form, tied to the field it is about (its id). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The summary at the top of a form that failed: announced on load (role="alert"), each problem a
 * link that moves focus to its field (GOV.UK's error summary pattern).
 */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field + error.message}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A field's label, hint and error around any control; `children` gets the `aria-describedby` value
 * and whether the field is invalid, so every kind of control is wired up for assistive technology.
 */
export function FieldWrap(props: {
  id: string;
  label: string;
  hint?: string;
  errors: readonly FieldError[];
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const error = props.errors.find((candidate) => candidate.field === props.id);
  const describedBy = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-has-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${props.id}-error`} class="field-error">
          <span class="visually-hidden">Error: </span>
          {error.message}
        </p>
      )}
      {props.children(describedBy, Boolean(error))}
    </div>
  );
}

/** A labelled input with its hint and error wired up for assistive technology. */
export function TextField(props: {
  id: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete?: string;
  value?: string;
  /** Default true: most newsroom fields must be filled in. */
  required?: boolean;
  hint?: string;
  errors: readonly FieldError[];
  minLength?: number;
  maxLength?: number;
}) {
  return (
    <FieldWrap id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type}
          autoComplete={props.autoComplete}
          value={props.value}
          required={props.required ?? true}
          minLength={props.minLength}
          maxLength={props.maxLength}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldWrap>
  );
}
