// The revisions module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { RevisionService } from './revision.service.js';
export type { RevisionActor, StoryEditor } from './revision.service.js';
export { diffSnapshots } from './revision-diff.js';
export { WORKFLOW_REVISION_KINDS } from './revision.types.js';
export type {
  BodyLineChange,
  FieldChange,
  Revision,
  RevisionDiff,
  RevisionKind,
  RevisionRecord,
  RevisionSnapshot,
  SnapshotField,
  WorkflowRevisionKind,
} from './revision.types.js';
