/** A Web Storage (localStorage / sessionStorage) kept in memory, whose writes can be made to fail. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** When set, every setItem throws it (a full or blocked storage). */
  failWith: DOMException | null = null;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith;
    this.items.set(key, value);
  }
}
