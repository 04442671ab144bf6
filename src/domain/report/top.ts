/**
 * The best N candidates of a stream, kept in a bounded min-heap: O(log N) per customer and
 * N entries of memory, however long the export. Pure.
 */

/** A ranked candidate: higher `score` first, then smaller `id`. */
export interface Ranked {
  id: string;
  score: number;
}

/** True when `a` ranks above `b`. */
export function ranksAbove(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.id < b.id);
}

/** Keeps the `capacity` best items seen so far; the heap root is the weakest of them. */
export class TopHeap<T extends Ranked> {
  private readonly heap: T[] = [];
  constructor(private readonly capacity: number) {}

  /**
   * Whether an item of this id and score would stay if offered: a caller that makes the item
   * only then leaves no garbage for the many that would not (report: three a customer).
   */
  admits(id: string, score: number): boolean {
    const h = this.heap;
    if (this.capacity <= 0) return false;
    if (h.length < this.capacity) return true;
    // ranksAbove() of the item against the weakest kept one, without making the item.
    const weakest = h[0] as T;
    return score > weakest.score || (score === weakest.score && id < weakest.id);
  }

  /** Offers one item; it stays only if it ranks among the best `capacity`. */
  offer(item: T): void {
    const h = this.heap;
    if (this.capacity <= 0) return;
    if (h.length < this.capacity) {
      h.push(item);
      this.siftUp(h.length - 1);
    } else if (ranksAbove(item, h[0] as T)) {
      h[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
  }

  get size(): number {
    return this.heap.length;
  }

  // Min-heap on rank: a parent never ranks above its children.
  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!ranksAbove(h[parent] as T, h[i] as T)) break;
      [h[parent], h[i]] = [h[i] as T, h[parent] as T];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let weakest = i;
      if (l < h.length && ranksAbove(h[weakest] as T, h[l] as T)) weakest = l;
      if (r < h.length && ranksAbove(h[weakest] as T, h[r] as T)) weakest = r;
      if (weakest === i) return;
      [h[weakest], h[i]] = [h[i] as T, h[weakest] as T];
      i = weakest;
    }
  }
}
