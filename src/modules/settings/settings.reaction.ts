import { defineReaction, RELOAD_ALL_EVENTS } from '../../shared/events.js';
import type { SettingsService } from './settings.service.js';

/** Every node reloads the publication's settings, and the logo they point at (its image may have changed). */
export function settingsReaction(settings: Pick<SettingsService, 'load'>) {
  return defineReaction({
    name: 'settings',
    runsOn: 'everywhere',
    events: ['settings.changed', 'media.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await settings.load();
    },
  });
}
