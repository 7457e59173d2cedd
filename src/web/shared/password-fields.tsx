import { MIN_PASSWORD_LENGTH } from '../../modules/users/index.js';
import { TextField, type FieldError } from './form-fields.js';

/** Longer than any passphrase a person types; a bound so a huge body cannot make hashing slow. */
const MAX_PASSWORD_LENGTH = 256;

/** The hint under a password being chosen, wherever one is chosen. */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`;

/** The "current password" field that guards a password change or an account deletion. */
export function CurrentPasswordField({
  id = 'current-password',
  label = 'Current password',
  errors,
}: {
  id?: string;
  label?: string;
  errors: readonly FieldError[];
}) {
  return <TextField id={id} label={label} type="password" autoComplete="current-password" maxLength={MAX_PASSWORD_LENGTH} errors={errors} />;
}

/**
 * Choosing a password and typing it again, for staff and readers alike: the ids
 * `new-password`/`confirm-password` are what the routes read and link their errors to.
 */
export function NewPasswordFields({
  label = 'New password',
  againLabel = 'New password again',
  hint = PASSWORD_HINT,
  errors,
}: {
  label?: string;
  againLabel?: string;
  hint?: string;
  errors: readonly FieldError[];
}) {
  const chosen = { type: 'password', autoComplete: 'new-password', maxLength: MAX_PASSWORD_LENGTH, errors } as const;
  return (
    <>
      <TextField id="new-password" label={label} hint={hint} minLength={MIN_PASSWORD_LENGTH} {...chosen} />
      <TextField id="confirm-password" label={againLabel} {...chosen} />
    </>
  );
}
