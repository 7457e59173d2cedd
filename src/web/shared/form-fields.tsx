import type { ComponentChildren } from 'preact';
import type { AppError, ErrorCode } from '../../shared/errors.js';
import { TextCharactersError } from '../../shared/text.js';
import { useTranslator } from './translator-context.js';

/** One problem with a submitted form, tied to the field it is about (its id). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The form field (its id) an error is about: text refused for its characters names the service's
 * field (`jobTitle`), found in `byName`; any other error by its code in `byCode`.
 */
export function formFieldOf(
  error: AppError,
  byCode: Partial<Record<ErrorCode, string>>,
  byName: Readonly<Record<string, string>> = {},
): string | undefined {
  return error instanceof TextCharactersError ? byName[error.field] : byCode[error.code];
}

/**
 * The summary at the top of a form that failed: announced on load (role="alert"), each problem a
 * link that moves focus to its field (GOV.UK's error summary pattern).
 */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('form.problem')}</h2>
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
 * Said once at the top of every form with a required field: what the asterisk beside a label means.
 * The asterisk itself is hidden from screen readers, which announce the control's `required` instead.
 */
export function RequiredNote() {
  const { rich } = useTranslator();
  return <p class="required-note">{rich('form.requiredNote', { mark: (text) => <span class="required-marker">{text}</span> })}</p>;
}

/** The visible mark beside a required field's label or legend (see `RequiredNote`). */
export function RequiredMarker() {
  return (
    <span class="required-marker" aria-hidden="true">
      {' *'}
    </span>
  );
}

/**
 * A field's label, with the required marker beside it rather than inside it: the label's text (and
 * so the field's name to assistive technology and to tests) stays exactly `label`.
 */
export function FieldLabel(props: { for: string; label: ComponentChildren; required?: boolean }) {
  if (!props.required) return <label for={props.for}>{props.label}</label>;
  return (
    <div class="field-label">
      <label for={props.for}>{props.label}</label>
      <RequiredMarker />
    </div>
  );
}

/**
 * A field's label, hint and error around any control; `children` gets the `aria-describedby` value
 * and whether the field is invalid, so every kind of control is wired up for assistive technology.
 * `required` marks the label (the control itself must carry the `required` attribute).
 */
export function FieldWrap(props: {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  errors: readonly FieldError[];
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const { t } = useTranslator();
  const error = props.errors.find((candidate) => candidate.field === props.id);
  const describedBy = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-has-error' : 'field'}>
      <FieldLabel for={props.id} label={props.label} required={props.required} />
      {props.hint && (
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={`${props.id}-error`} class="field-error">
          <span class="visually-hidden">{t('form.errorPrefix')}</span>
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
  type: 'email' | 'password' | 'text' | 'url';
  autoComplete?: string;
  value?: string;
  /** Default true: most newsroom fields must be filled in. */
  required?: boolean;
  hint?: string;
  errors: readonly FieldError[];
  minLength?: number;
  maxLength?: number;
}) {
  const required = props.required ?? true;
  return (
    <FieldWrap id={props.id} label={props.label} hint={props.hint} required={required} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type}
          autoComplete={props.autoComplete}
          value={props.value}
          required={required}
          minLength={props.minLength}
          maxLength={props.maxLength}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldWrap>
  );
}
