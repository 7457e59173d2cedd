import { MIN_PASSWORD_LENGTH } from '../../modules/users/index.js';
import { TextField, type FieldError } from './form-fields.js';
import { useTranslator } from './translator-context.js';

/** Longer than any passphrase a person types; a bound so a huge body cannot make hashing slow. */
const MAX_PASSWORD_LENGTH = 256;

/**
 * The hint under a password being chosen, in English, for callers that still pass it themselves;
 * `NewPasswordFields` shows it in the page's language when no hint is given.
 */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`;

/** The "current password" field that guards a password change or an account deletion. */
export function CurrentPasswordField({ id = 'current-password', label, errors }: { id?: string; label?: string; errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  return (
    <TextField
      id={id}
      label={label ?? t('form.password.current')}
      type="password"
      autoComplete="current-password"
      maxLength={MAX_PASSWORD_LENGTH}
      errors={errors}
    />
  );
}

/**
 * Choosing a password and typing it again, for staff and readers alike: the ids
 * `new-password`/`confirm-password` are what the routes read and link their errors to. The labels
 * and hint default to the page's language (the layout's translator).
 */
export function NewPasswordFields({
  label,
  againLabel,
  hint,
  errors,
}: {
  label?: string;
  againLabel?: string;
  hint?: string;
  errors: readonly FieldError[];
}) {
  const { t } = useTranslator();
  const chosen = { type: 'password', autoComplete: 'new-password', maxLength: MAX_PASSWORD_LENGTH, errors } as const;
  return (
    <>
      <TextField
        id="new-password"
        label={label ?? t('form.password.new')}
        hint={hint ?? t('form.password.hint', { min: String(MIN_PASSWORD_LENGTH) })}
        minLength={MIN_PASSWORD_LENGTH}
        {...chosen}
      />
      <TextField id="confirm-password" label={againLabel ?? t('form.password.newAgain')} {...chosen} />
    </>
  );
}
