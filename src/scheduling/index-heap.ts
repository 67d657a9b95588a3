/**
 * A binary min-heap of small integers (indices into the planner's per-candidate arrays), ordered by a
 * comparator over those arrays. Keys must not change while an index is in the heap.
 */
export class IndexHeap {
  private items: Int32Array;
  private length = 0;

  constructor(
    private readonly compare: (a: number, b: number) => number,
    capacity = 16,
  ) {
    this.items = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.length;
  }

  peek(): number {
    if (this.length === 0) throw new RangeError('Empty heap');
    return this.items[0];
  }

  push(index: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let at = this.length++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.compare(index, items[parent]) >= 0) break;
      items[at] = items[parent];
      at = parent;
    }
    items[at] = index;
  }

  pop(): number {
    if (this.length === 0) throw new RangeError('Empty heap');
    const items = this.items;
    const top = items[0];
    const last = items[--this.length];
    const n = this.length;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && this.compare(items[child + 1], items[child]) < 0) child += 1;
      if (this.compare(items[child], last) >= 0) break;
      items[at] = items[child];
      at = child;
    }
    if (n > 0) items[at] = last;
    return top;
  }
}
