/**
 * For state a service keeps in memory and reloads when told (an event, a save): loads may overlap,
 * and on PostgreSQL their reads resolve in any order, so a load begun earlier can finish later with
 * older rows. Each load takes a ticket when it begins and applies what it read only while its
 * ticket is the latest; a change made in memory directly (a save) supersedes every load under way.
 */
export class LatestLoad {
  private begun = 0;

  /** Call as a load begins; the function answers whether that load may still apply what it read. */
  begin(): () => boolean {
    const ticket = ++this.begun;
    return () => ticket === this.begun;
  }

  /** The state was just set in memory: loads begun before now read older rows. */
  supersede(): void {
    this.begun++;
  }
}
