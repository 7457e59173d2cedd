import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { isTimeZone } from '../../shared/zoned-time.js';
import { LatestLoad } from '../../shared/latest-load.js';
import { isServedPath } from '../redirects/index.js';
import { insertEdition, listEditionRows, setEditionEnabled, updateEdition, type EditionRow } from './edition.repository.js';
import type { Edition, EditionInput, EditionProblem, PublicationDefaults } from './edition.types.js';

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
 * settings, read afresh, so they are never kept twice. Each change emits `editions.changed`, on
 * which every node reloads them (editions.reaction.ts).
 */
export class EditionService {
  private rows: EditionRow[] = [];
  /** A reload on an event may overlap one after a change made here: only the latest applies. */
  private readonly loads = new LatestLoad();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly publication: () => PublicationDefaults,
    private readonly events: EventBus,
  ) {}

  async load(): Promise<void> {
    const isLatest = this.loads.begin();
    const rows = await listEditionRows(this.db);
    if (isLatest()) this.rows = rows;
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

  /** The prefix of a story's address in its edition: `''` for the default edition (or none, or one not known). */
  pathPrefixOf(id: string | undefined): string {
    return this.rows.find((candidate) => candidate.id === id)?.path_prefix ?? '';
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
    await this.takenMeanwhile(input, undefined, () => insertEdition(this.db, { id, ...checked, position: this.rows.length }, this.clock.now()));
    return this.changed(id);
  }

  /** Changes an edition; the default one's details are the publication's settings (ERR_EDITION_DEFAULT_FIXED). */
  async update(id: string, input: EditionInput): Promise<Edition> {
    const edition = this.find(id);
    if (edition.isDefault) throw new AppError('ERR_EDITION_DEFAULT_FIXED');
    const checked = this.check(input, id);
    if (!(await this.takenMeanwhile(input, id, () => updateEdition(this.db, id, checked, this.clock.now()))))
      throw new AppError('ERR_EDITION_NOT_FOUND');
    return this.changed(id);
  }

  /** Switches an edition on or off; the default edition is always on (ERR_EDITION_DEFAULT_FIXED). */
  async setEnabled(id: string, enabled: boolean): Promise<Edition> {
    if (this.find(id).isDefault) throw new AppError('ERR_EDITION_DEFAULT_FIXED');
    await setEditionEnabled(this.db, id, enabled, this.clock.now());
    return this.changed(id);
  }

  /**
   * What is wrong with `input`, field by field (empty when nothing is), for a form to show every
   * problem before anything is written; `selfId` is the edition being changed, whose own language
   * and prefix it may keep. The checks `create` and `update` make.
   */
  problemsWith(input: EditionInput, selfId?: string): EditionProblem[] {
    const code = canonicalLanguage(input.code.trim());
    const pathPrefix = input.pathPrefix.trim();
    const name = input.name.trim();
    const tagline = input.tagline.trim();
    const others = this.rows.filter((row) => row.id !== selfId);
    const problems: EditionProblem[] = [];
    const invalid = (field: EditionProblem['field']) => problems.push({ field, code: 'ERR_EDITION_INVALID' });
    const taken = (field: EditionProblem['field']) => problems.push({ field, code: 'ERR_EDITION_TAKEN' });
    if (code === undefined) invalid('code');
    else if (others.some((row) => row.code.toLowerCase() === code.toLowerCase())) taken('code');
    if (!PREFIX.test(pathPrefix) || isServedPath(`/${pathPrefix}`)) invalid('pathPrefix');
    else if (others.some((row) => row.path_prefix === pathPrefix)) taken('pathPrefix');
    if (name.length === 0 || name.length > NAME_MAX || CONTROL.test(name)) invalid('name');
    if (tagline.length > TAGLINE_MAX || CONTROL.test(tagline)) invalid('tagline');
    if (!isTimeZone(input.timeZone.trim())) invalid('timeZone');
    return problems;
  }

  /**
   * Runs a write the unique indexes may refuse because another node took the language or prefix
   * meanwhile: then, with the rows read again, the check says so with its code (409). Any other
   * failure is not ours to name, and goes on as it came.
   */
  private async takenMeanwhile<T>(input: EditionInput, selfId: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      await this.load();
      this.check(input, selfId);
      throw error;
    }
  }

  /** Reloads after a write here, then tells every node (their reaction reloads them too). */
  private async changed(id: string): Promise<Edition> {
    await this.load();
    await this.events.emit({ name: 'editions.changed', editionId: id });
    return this.find(id);
  }

  /** The input, trimmed and canonical; a bad value is refused before one already taken. */
  private check(input: EditionInput, selfId?: string): EditionInput {
    const problems = this.problemsWith(input, selfId);
    if (problems.some((problem) => problem.code === 'ERR_EDITION_INVALID')) throw new AppError('ERR_EDITION_INVALID');
    if (problems.length > 0) throw new AppError('ERR_EDITION_TAKEN');
    return {
      code: canonicalLanguage(input.code.trim()) ?? '',
      pathPrefix: input.pathPrefix.trim(),
      name: input.name.trim(),
      tagline: input.tagline.trim(),
      timeZone: input.timeZone.trim(),
    };
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
