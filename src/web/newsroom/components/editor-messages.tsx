import { newsroomEditorEn } from '../../../shared/i18n/areas/newsroom-editor.en.js';
import { CATALOGUES, type Message, type MessageKey, type Translator } from '../../../shared/i18n/index.js';
import { useTranslator } from '../../shared/translator-context.js';

/** The island's id, as client/editor/messages.ts reads it. */
export const EDITOR_MESSAGES_ID = 'editor-messages';

/**
 * The story editor script's words (`nr.editor.*`) in the viewer's language, as JSON data for
 * client/editor/messages.ts: only the messages, not their formatting, so the browser fills the
 * placeholders and picks plural forms itself (Intl.PluralRules of `data-language`). The keys are the
 * English area file's, so the script and this island cannot list different messages.
 */
export function editorMessagesJson(translator: Translator): string {
  const catalogue = CATALOGUES[translator.language];
  const messages: Record<string, Message> = {};
  for (const key of Object.keys(newsroomEditorEn) as Array<keyof typeof newsroomEditorEn & MessageKey>) messages[key] = catalogue[key];
  return jsonForScript(messages);
}

/** JSON to put inside a `<script type="application/json">`: data, never run; `<` is escaped so no text can close the element (`</script`, `<!--`). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The island, on every page that loads newsroom-editor.js. Without a translator: the page's (the layout's context). */
export function EditorMessages(props: { translator?: Translator }) {
  const fromLayout = useTranslator();
  const translator = props.translator ?? fromLayout;
  return (
    <script
      type="application/json"
      id={EDITOR_MESSAGES_ID}
      data-language={translator.language}
      data-locale={translator.locale}
      dangerouslySetInnerHTML={{ __html: editorMessagesJson(translator) }}
    />
  );
}
