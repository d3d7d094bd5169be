/**
 * Revision rule shared by every mirror of main's state: a snapshot replaces
 * the mirror only when it is strictly newer. Events can overtake the reply
 * to `getSnapshot` (the UI subscribes first, then fetches), so an older
 * snapshot arriving late must never roll the view back.
 */
export function isNewerRevision(current: number | null, incoming: number): boolean {
  return current === null || incoming > current;
}
