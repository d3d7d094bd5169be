import type { AppState, Snapshot } from '../../common/contract';

export type SnapshotListener = (snapshot: Snapshot) => void;

/**
 * The single source of truth for what the UI mirrors. Every change bumps
 * `rev` and notifies subscribers with a full snapshot; the state is small,
 * and full snapshots make a reloaded or late UI correct by construction.
 */
export class StateStore {
  private rev = 0;
  private state: AppState;
  private readonly listeners = new Set<SnapshotListener>();

  constructor(initial: AppState) {
    this.state = initial;
  }

  snapshot(): Snapshot {
    return { rev: this.rev, state: this.state };
  }

  get current(): AppState {
    return this.state;
  }

  /** Applies a change; listeners see the new revision synchronously. */
  update(change: (state: AppState) => AppState): Snapshot {
    const next = change(this.state);
    if (next === this.state) return this.snapshot();
    this.state = next;
    this.rev += 1;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
    return snapshot;
  }

  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
