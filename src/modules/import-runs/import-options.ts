import { AppError } from '../../shared/errors.js';
import { isWebAddress } from '../../shared/web-address.js';
import { isTimeZone } from '../../shared/zoned-time.js';
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
  defaultSection: string;
  timeZone: string;
  siteUrl: string;
  update: boolean;
}

const MAX_SITE_URL_LENGTH = 2000;

/**
 * The form's choices, checked before anything is kept: the section map as `old=new` pairs, one a
 * line or separated by commas, each `new` an existing section's slug (as the CLI's --section-map);
 * unmapped categories become `sections` or `tags`. A bad map or choice is a coded 400.
 */
export function parseImportOptions(form: ImportOptionsForm, sectionExists: (slug: string) => boolean): ImportRunOptions {
  const unmapped = form.unmapped === '' ? 'sections' : form.unmapped;
  if (unmapped !== 'sections' && unmapped !== 'tags') throw new AppError('ERR_IMPORT_FORM_INVALID', 'unmapped is "sections" or "tags"');
  return {
    sectionMap: parseSectionMap(form.sectionMap, sectionExists),
    unmapped,
    dryRun: form.dryRun,
    fetchImages: form.fetchImages,
    defaultSection: parseDefaultSection(form.defaultSection, sectionExists),
    timeZone: parseTimeZone(form.timeZone),
    siteUrl: parseSiteUrl(form.siteUrl),
    update: form.update,
  };
}

function parseDefaultSection(slug: string, sectionExists: (slug: string) => boolean): string | null {
  const trimmed = slug.trim();
  if (trimmed === '') return null;
  if (!sectionExists(trimmed))
    throw new AppError('ERR_IMPORT_DEFAULT_SECTION_INVALID', `There is no section with the slug “${trimmed.slice(0, MAX_PART_LENGTH)}”.`);
  return trimmed;
}

function parseTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (trimmed === '') return null;
  if (trimmed.length > MAX_PART_LENGTH || !isTimeZone(trimmed)) throw new AppError('ERR_IMPORT_TIME_ZONE_INVALID');
  return trimmed;
}

/** The old site's address: http(s) with a host, as the CLI's --site-url. */
function parseSiteUrl(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed === '') return null;
  if (trimmed.length > MAX_SITE_URL_LENGTH || !isWebAddress(trimmed)) throw new AppError('ERR_IMPORT_SITE_URL_INVALID');
  return trimmed;
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
