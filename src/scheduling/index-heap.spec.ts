import { IndexHeap } from './index-heap.js';

describe('IndexHeap', () => {
  it('pops indices in comparator order, growing past its first capacity', () => {
    const keys = [5, 3, 9, 1, 7, 3, 0, 8, 2, 6];
    const heap = new IndexHeap((a, b) => keys[a] - keys[b] || a - b, 2);
    keys.forEach((_, i) => heap.push(i));
    expect(heap.size).toBe(10);
    expect(heap.peek()).toBe(6);
    const order: number[] = [];
    while (heap.size > 0) order.push(heap.pop());
    expect(order).toEqual([6, 3, 8, 1, 5, 0, 9, 4, 7, 2]);
  });

  it('keeps its order through mixed pushes and pops', () => {
    const keys = Array.from({ length: 500 }, (_, i) => (i * 7919) % 503);
    const heap = new IndexHeap((a, b) => keys[a] - keys[b] || a - b);
    const popped: number[] = [];
    keys.forEach((_, i) => {
      heap.push(i);
      if (i % 3 === 2) popped.push(heap.pop());
    });
    while (heap.size > 0) popped.push(heap.pop());
    expect(popped).toHaveLength(500);
    expect(new Set(popped).size).toBe(500);
    const tail = popped.slice(Math.floor(500 / 3));
    expect(tail.map((i) => keys[i])).toEqual([...tail.map((i) => keys[i])].sort((a, b) => a - b));
  });

  it('refuses to pop or peek when empty', () => {
    const heap = new IndexHeap((a, b) => a - b);
    expect(() => heap.pop()).toThrow(RangeError);
    expect(() => heap.peek()).toThrow(RangeError);
  });
});
