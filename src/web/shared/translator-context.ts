import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translatorFor, type Translator } from '../../shared/i18n/index.js';

/**
 * The page's translator for components shared by the reading site, the reader's account pages and
 * the newsroom (form errors, the required-field note): each layout provides its own (the edition's,
 * or the staff member's), so a shared component speaks the page's language without being handed it.
 * Outside any layout (a fragment rendered alone) it is English.
 */
export const TranslatorContext = createContext<Translator>(translatorFor('en'));

export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
