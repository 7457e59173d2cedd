import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { isTimeZone } from '../../shared/zoned-time.js';
import { isServedPath } from '../redirects/index.js';
import { insertEdition, listEditionRows, setEditionEnabled, updateEdition, type EditionRow } from './edition.repository.js';
import type { Edition, EditionInput, PublicationDefaults } from './edition.types.js';

const NAME_MAX = 100;
const TAGLINE_MAX = 200;
/** A short lower-case segment, as a language subtag reads: `ko`, `zh-hant`. */
const PREFIX = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The publication's editions, held in memory (a handful of rows, read at start and after each
 * change) because every public request needs its edition: the default one at `/`, the others
 * under their prefix. The default edition's name, tagline and time zone are the publication's own
 * settings, read afresh, so they are never kept twice.
 */
export class EditionService {
  private rows: EditionRow[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly publication: () => PublicationDefaults,
  ) {}

  async load(): Promise<void> {
    this.rows = await listEditionRows(this.db);
  }

  /** Every edition, switched off ones included, in their order. */
  get all(): Edition[] {
    return this.rows.map((row) => this.toEdition(row));
  }

  /** The edition at `/` (created by migration 0027 with the publication's language). */
  get defaultEdition(): Edition {
    const row = this.rows.find((candidate) => candidate.path_prefix === '');
    if (!row) throw new AppError('ERR_EDITION_NOT_FOUND');
    return this.toEdition(row);
  }

  /** The switched-on edition whose pages start with `/<prefix>/`; undefined for an unknown or switched-off one. */
  byPrefix(prefix: string): Edition | undefined {
    const row = this.rows.find((candidate) => candidate.path_prefix === prefix && candidate.path_prefix !== '');
    return row && row.enabled === 1 ? this.toEdition(row) : undefined;
  }

  find(id: string): Edition {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) throw new AppError('ERR_EDITION_NOT_FOUND');
    return this.toEdition(row);
  }

  /** A new edition, switched on, after the others. Refused: ERR_EDITION_INVALID (400), ERR_EDITION_TAKEN (409). */
  async create(input: EditionInput): Promise<Edition> {
    const checked = this.check(input);
    const id = newId();
    await insertEdition(this.db, { id, ...checked, position: this.rows.length }, this.clock.now());
    await this.load();
    return this.find(id);
  }

  /** Changes an edition; the default one's details are the publication's settings (ERR_EDITION_DEFAULT_FIXED). */
  async update(id: string, input: EditionInput): Promise<Edition> {
    const edition = this.find(id);
    if (edition.isDefault) throw new AppError('ERR_EDITION_DEFAULT_FIXED');
    if (!(await updateEdition(this.db, id, this.check(input, id), this.clock.now()))) throw new AppError('ERR_EDITION_NOT_FOUND');
    await this.load();
    return this.find(id);
  }

  /** Switches an edition on or off; the default edition is always on (ERR_EDITION_DEFAULT_FIXED). */
  async setEnabled(id: string, enabled: boolean): Promise<Edition> {
    if (this.find(id).isDefault) throw new AppError('ERR_EDITION_DEFAULT_FIXED');
    await setEditionEnabled(this.db, id, enabled, this.clock.now());
    await this.load();
    return this.find(id);
  }

  private check(input: EditionInput, selfId?: string): EditionInput {
    const code = canonicalLanguage(input.code.trim());
    const pathPrefix = input.pathPrefix.trim();
    const name = input.name.trim();
    const tagline = input.tagline.trim();
    const timeZone = input.timeZone.trim();
    const valid =
      code !== undefined &&
      PREFIX.test(pathPrefix) &&
      !isServedPath(`/${pathPrefix}`) &&
      name.length > 0 &&
      name.length <= NAME_MAX &&
      tagline.length <= TAGLINE_MAX &&
      !CONTROL.test(name + tagline) &&
      isTimeZone(timeZone);
    if (!valid) throw new AppError('ERR_EDITION_INVALID');
    const others = this.rows.filter((row) => row.id !== selfId);
    if (others.some((row) => row.code.toLowerCase() === code.toLowerCase() || row.path_prefix === pathPrefix)) {
      throw new AppError('ERR_EDITION_TAKEN');
    }
    return { code, pathPrefix, name, tagline, timeZone };
  }

  private toEdition(row: EditionRow): Edition {
    const isDefault = row.path_prefix === '';
    const publication = isDefault ? this.publication() : undefined;
    return {
      id: row.id,
      code: row.code,
      pathPrefix: row.path_prefix,
      name: publication?.name ?? row.name ?? '',
      tagline: publication?.tagline ?? row.tagline ?? '',
      timeZone: publication?.timeZone ?? row.time_zone ?? 'UTC',
      enabled: isDefault || row.enabled === 1,
      isDefault,
      position: row.position,
    };
  }
}

/** The canonical form of a BCP 47 tag (`KO` → `ko`, `pt-br` → `pt-BR`), or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  if (tag === '' || tag.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
