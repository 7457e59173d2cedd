// The newsroom module's public face: other modules and src/web/** import from here, never from its
// files directly.
export { LatestStoriesService } from './latest-stories.service.js';
export type { DeskStory } from './newsroom.types.js';
