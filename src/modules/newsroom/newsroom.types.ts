import type { LatestStory } from '../articles/index.js';

/** A story as the newsroom home lists it: any status, newest first (read by the articles module). */
export type DeskStory = LatestStory;
