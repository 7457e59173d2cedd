import { FieldWrap, type FieldError } from '../shared/form-fields.js';
import { useTranslator } from '../shared/translator-context.js';

/** An update's Markdown box, as the composer and the edit page both show it. */
export function LiveTextField({ value, errors, rows = 6 }: { value: string; errors: readonly FieldError[]; rows?: number }) {
  const { t } = useTranslator();
  return (
    <FieldWrap id="live-text" label={t('nr.live.textLabel')} hint={t('nr.live.textHint')} required errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id="live-text"
          name="text"
          rows={rows}
          maxLength={5000}
          required
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {value}
        </textarea>
      )}
    </FieldWrap>
  );
}

/** A checkbox with its label and hint (key event, pinned). */
export function LiveCheckbox(props: { id: string; name: string; checked: boolean; label: string; hint: string }) {
  return (
    <div class="field">
      <div class="field-checkbox">
        <input type="checkbox" id={props.id} name={props.name} value="yes" checked={props.checked} aria-describedby={`${props.id}-hint`} />
        <label for={props.id}>{props.label}</label>
      </div>
      <p id={`${props.id}-hint`} class="field-hint">
        {props.hint}
      </p>
    </div>
  );
}

/** What the composer and the edit form hold: kept as typed when a post is refused. */
export interface LiveUpdateValues {
  text: string;
  keyEvent: boolean;
  pinned: boolean;
}

/** The key event and pinned boxes; pinning is offered to `live.manage` holders only. */
export function LiveMarks({ values, canManage }: { values: LiveUpdateValues; canManage: boolean }) {
  const { t } = useTranslator();
  return (
    <>
      <LiveCheckbox id="live-key-event" name="key-event" checked={values.keyEvent} label={t('nr.live.keyEvent')} hint={t('nr.live.keyEventHint')} />
      {canManage && (
        <LiveCheckbox id="live-pinned" name="pinned" checked={values.pinned} label={t('nr.live.pinned')} hint={t('nr.live.pinnedHint')} />
      )}
    </>
  );
}
