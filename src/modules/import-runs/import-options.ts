import { AppError } from '../../shared/errors.js';
import type { ImportRunOptions } from './import-run.types.js';

/** More pairs than any site has categories: the form's text is bounded anyway. */
const MAX_PAIRS = 500;
const MAX_PART_LENGTH = 200;

/** The form's fields as sent (web/newsroom/import.routes.ts). */
export interface ImportOptionsForm {
  sectionMap: string;
  unmapped: string;
  dryRun: boolean;
  fetchImages: boolean;
}

/**
 * The form's choices, checked before anything is kept: the section map as `old=new` pairs, one a
 * line or separated by commas, each `new` an existing section's slug (as the CLI's --section-map);
 * unmapped categories become `sections` or `tags`. A bad map or choice is a coded 400.
 */
export function parseImportOptions(form: ImportOptionsForm, sectionExists: (slug: string) => boolean): ImportRunOptions {
  const unmapped = form.unmapped === '' ? 'sections' : form.unmapped;
  if (unmapped !== 'sections' && unmapped !== 'tags') throw new AppError('ERR_IMPORT_FORM_INVALID', 'unmapped is "sections" or "tags"');
  return { sectionMap: parseSectionMap(form.sectionMap, sectionExists), unmapped, dryRun: form.dryRun, fetchImages: form.fetchImages };
}

function parseSectionMap(text: string, sectionExists: (slug: string) => boolean): Array<[string, string]> {
  const pairs = text.split(/[,\n]/).filter((part) => part.trim() !== '');
  if (pairs.length > MAX_PAIRS) throw new AppError('ERR_IMPORT_SECTION_MAP_INVALID', `The map has more than ${MAX_PAIRS} pairs.`);
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const [from, to, ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0 || from.length > MAX_PART_LENGTH || to.length > MAX_PART_LENGTH)
      throw new AppError('ERR_IMPORT_SECTION_MAP_INVALID', `“${pair.trim().slice(0, MAX_PART_LENGTH)}” is not an old=new pair.`);
    if (!sectionExists(to)) throw new AppError('ERR_IMPORT_SECTION_MAP_INVALID', `There is no section with the slug “${to}”.`);
    map.set(from.toLowerCase(), to);
  }
  return [...map];
}
