import type { BodyBlock } from '../shared/article-body.js';
import type { ArchiveTopic } from './generated/archive-topics.types.js';
import {
  HEADING_FRAMES,
  KICKER_FRAMES,
  LEDE_FRAMES,
  LIST_FRAMES,
  MONTHS,
  NEWS_HEADLINES,
  OPINION_HEADLINES,
  QUOTE_FRAMES,
  SOURCE_ROLES,
  STANDFIRST_FRAMES,
  WEEKDAYS,
  BODY_FRAMES,
} from './generated/archive-phrases.js';

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * What one story is about: its topic, and the subject and place it keeps coming back to, so that a
 * story reads as one story rather than a bag of the topic's words.
 */
export interface StoryFocus {
  topic: ArchiveTopic;
  subject: string;
  place: string;
  /** People the story quotes: the topic's newsmakers, then anyone. */
  people: readonly string[];
  publishedAt: Date;
}

/**
 * Fills a template's `{slot}`s; a slot written with a capital (`{Subject}`) capitalises its filler.
 * Verbs agree with the noun just filled in: a verb right after a noun slot takes the form its
 * number needs ("the ministry warns", "exporters warn"), unless the slot follows a preposition
 * ("the vote in {place} matters"), and `[is/are]` picks the form for the last noun slot.
 */
export function fill(template: string, random: Random, focus: StoryFocus): string {
  let plural = false;
  return template.replace(
    /\{(\w+)\}(\s+[a-z]+)?|\[([^/\]]*)\/([^\]]*)\]/g,
    (match, slot: string | undefined, next: string | undefined, one, many, offset: number) => {
      if (slot === undefined) return plural ? String(many) : String(one);
      const key = slot.toLowerCase();
      const raw = filler(key, random, focus);
      const value = slot.charAt(0) === slot.charAt(0).toUpperCase() ? capitalise(raw) : raw;
      if (!NOUN_SLOTS.has(key)) return value + (next ?? '');
      plural = isPlural(raw);
      if (!next || AFTER_PREPOSITION.test(template.slice(Math.max(0, offset - 8), offset))) return value + (next ?? '');
      const forms = VERB_FORMS.get(next.trim());
      return forms ? `${value}${next.replace(/\S+$/, forms[plural ? 1 : 0])}` : value + next;
    },
  );
}

const NOUN_SLOTS = new Set(['subject', 'actor', 'term', 'term2', 'place']);
const AFTER_PREPOSITION = /\b(?:in|of|for|on|at|from|with|over|about|to|by|near|across|behind|inside)\s$/i;

/** Present-tense verbs the templates put after a noun, both ways: form → [singular, plural]. */
const VERB_FORMS: ReadonlyMap<string, readonly [string, string]> = (() => {
  const forms = new Map<string, readonly [string, string]>();
  const add = (singular: string, plural: string) => {
    forms.set(singular, [singular, plural]);
    forms.set(plural, [singular, plural]);
  };
  add('has', 'have');
  add('is', 'are');
  add('was', 'were');
  add('does', 'do');
  const regular =
    'adjust arrive ask back begin believe bet bite brace break call change chase claim clear climb come cool count cut decide defy demand deserve discover divide double drag draw embrace empty expect face feel find fix go grind hail hear hit hold join keep lift look loom love matter mean meet move need open owe pack pledge prepare press promise push put question queue race rally reach rediscover regroup reshape respond resume rethink return ride say seek sell set shadow signal slip slow sound split stall stand steal strain support survive tell test threaten tighten top track wait want warn weigh win wobble worry';
  for (const verb of regular.split(' ')) {
    const singular = /(?:s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
    add(singular, verb);
  }
  return forms;
})();

/** Names ending in s that are one place. */
const SINGULAR_NAMES = new Set(['Los Angeles', 'Buenos Aires', 'Lagos', 'Paris', 'Brussels', 'Dongdaemun']);

/** Whether a noun phrase is plural, from its head noun: "exporters", "Hyundai and Kia", "analysts in Seoul". */
export function isPlural(phrase: string): boolean {
  let plural = pluralCache.get(phrase);
  if (plural === undefined) pluralCache.set(phrase, (plural = headIsPlural(phrase)));
  return plural;
}

/** The word lists are small and every phrase recurs thousands of times in a large archive. */
const pluralCache = new Map<string, boolean>();

function headIsPlural(phrase: string): boolean {
  if (SINGULAR_NAMES.has(phrase)) return false;
  const head = phrase.split(/\s(?:of|in|from|for|on|at|with|to)\s/)[0] ?? phrase;
  if (/\sand\s/.test(head)) return true;
  const last = (head.trim().split(/\s+/).at(-1) ?? '').replace(/[’']s?$/, '');
  return /s$/.test(last) && !/(?:ss|us|is|ics|ws)$/.test(last);
}

function filler(slot: string, random: Random, focus: StoryFocus): string {
  const { topic } = focus;
  switch (slot) {
    case 'subject':
      return random() < 0.7 ? focus.subject : pick(random, topic.subjects);
    case 'place':
      return random() < 0.6 ? focus.place : pick(random, topic.places);
    case 'actor':
      return pick(random, topic.actors);
    case 'term':
    case 'term2':
      return pick(random, topic.terms);
    case 'number':
      return String(between(random, 2, 90));
    case 'few':
      return String(between(random, 2, 12));
    case 'percent':
      return String(between(random, 3, 78));
    case 'year':
      return String(focus.publishedAt.getUTCFullYear() - between(random, 1, 12));
    case 'month':
      return MONTHS[(focus.publishedAt.getUTCMonth() + between(random, 1, 5)) % 12] ?? 'June';
    case 'weekday':
      return WEEKDAYS[(focus.publishedAt.getUTCDay() + 6) % 7] ?? 'Monday';
    case 'person':
      return pick(random, focus.people);
    case 'role':
      return fill(pick(random, SOURCE_ROLES), random, focus);
    case 'quote':
      // Quoted inside a sentence (“…,” said …): without its full stop.
      return fill(pick(random, QUOTE_FRAMES), random, focus).replace(/\.$/, '');
    default:
      return slot;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A headline: the opinion section's, or half the time the topic's own and half a generic news one. */
export function headline(random: Random, focus: StoryFocus, opinion: boolean): string {
  const templates = opinion ? OPINION_HEADLINES : random() < 0.45 ? focus.topic.headlines : NEWS_HEADLINES;
  return fill(pick(random, templates), random, focus);
}

export function standfirst(random: Random, focus: StoryFocus): string {
  return fill(pick(random, STANDFIRST_FRAMES), random, focus);
}

export interface BodyShape {
  paragraphs: number;
  /** The inline figure, placed after the second paragraph. */
  figureMediaId: string | null;
}

/**
 * A story body: a lede, paragraphs of two to four sentences, now and then a sub-heading, a pull
 * quote or a list of key facts, and a closing paragraph. Sentence frames are drawn from a shuffled
 * deck, so a story repeats one only once it has used them all.
 */
export function body(random: Random, focus: StoryFocus, shape: BodyShape): BodyBlock[] {
  const deck = shuffled(random, BODY_FRAMES);
  let dealt = 0;
  const sentence = () => fill(deck[dealt++ % deck.length] ?? '', random, focus);
  const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ text }] });

  const blocks: BodyBlock[] = [paragraph(`${fill(pick(random, LEDE_FRAMES), random, focus)} ${sentence()}`)];
  const middle = shape.paragraphs - 2;
  const headingAt = shape.paragraphs >= 8 ? Math.floor(middle / 2) + 1 : -1;
  const quoteAt = random() < 0.45 ? between(random, 1, Math.max(1, middle)) : -1;
  const listAt = shape.paragraphs >= 10 && random() < 0.3 ? between(random, 2, Math.max(2, middle)) : -1;
  for (let n = 1; n <= middle; n++) {
    if (n === 2 && shape.figureMediaId) blocks.push({ type: 'figure', mediaId: shape.figureMediaId });
    if (n === headingAt) blocks.push({ type: 'heading', text: fill(pick(random, HEADING_FRAMES), random, focus) });
    const sentences = Array.from({ length: between(random, 2, 4) }, sentence);
    blocks.push(paragraph(sentences.join(' ')));
    if (n === quoteAt) blocks.push({ type: 'quote', text: fill(pick(random, QUOTE_FRAMES), random, focus), attribution: pick(random, focus.people) });
    if (n === listAt) {
      const items = shuffled(random, LIST_FRAMES).slice(0, between(random, 3, 4));
      blocks.push({ type: 'list', ordered: false, items: items.map((item) => [{ text: fill(item, random, focus) }]) });
    }
  }
  blocks.push(paragraph(`${sentence()} ${fill(pick(random, KICKER_FRAMES), random, focus)}`));
  return blocks;
}

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
