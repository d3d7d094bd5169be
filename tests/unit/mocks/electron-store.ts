/** In-memory double for ESM-only electron-store (same surface we use). */
export default class Store<T extends Record<string, unknown>> {
  store: T;
  constructor(options: { defaults: T }) {
    this.store = { ...options.defaults };
  }
  set(value: Partial<T>): void {
    this.store = { ...this.store, ...value };
  }
}
