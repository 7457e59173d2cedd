import { defineReaction, RELOAD_ALL_EVENTS } from '../../shared/events.js';
import type { SectionDirectory } from './section-directory.js';

/** Every node reloads its sections (navigation, look-ups by slug) when the taxonomy changes. */
export function sectionsReaction(sections: Pick<SectionDirectory, 'load'>) {
  return defineReaction({
    name: 'sections',
    runsOn: 'everywhere',
    events: ['taxonomy.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await sections.load();
    },
  });
}
