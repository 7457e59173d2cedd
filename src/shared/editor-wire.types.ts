// What the newsroom's JSON endpoints send the story editor (client/editor/), in one place: the
// server's presenters build these shapes and the browser code reads them, so the two cannot drift.
// Types only: nothing here runs.

/** A refused save as the editor shows it (page and JSON alike): who saved, when, and the diff. */
export interface ConflictView {
  /** The story's version now: the base of a save that keeps yours. */
  version: number;
  savedBy: string;
  /** ISO 8601, or null when no revision records it (an imported story). */
  savedAt: string | null;
  /** The same time in words, in the publication's time zone. */
  savedAtText: string;
  fields: Array<{ field: string; label: string; theirs: string; yours: string }>;
  body: Array<{ op: 'same' | 'added' | 'removed'; text: string }>;
}

/** Someone else with the story open, as the editor shows it. */
export interface PresenceView {
  name: string;
  since: string;
  sinceText: string;
}

/** A picture as the story editor's JSON endpoints describe it (docs/editor-pictures.md). */
export interface EditorPictureJson {
  id: string;
  /** The smallest WebP (else JPEG) variant: the picker's grid and the figure's thumbnail. */
  thumbnailUrl: string;
  /** A variant about a column wide, for the figure in the editor. */
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** A page of the picture picker (`GET /newsroom/media.json`): the pictures, and where the next page starts (null: the library ends here). */
export interface EditorPicturePageJson {
  items: EditorPictureJson[];
  next: string | null;
}
