import { BoundedCache } from '../../../gateway/memory/bounded-cache';

const cacheOf = (maxBytes: number, maxEntryBytes = maxBytes) => new BoundedCache<string>({ name: 'test', maxBytes, maxEntryBytes, bytesOf: (value) => value.length });

describe('A cache bounded by bytes', () => {
  test('holds at most its bytes, forgetting the least recently used first', () => {
    const cache = cacheOf(10);
    cache.set('a', 'xxxx');
    cache.set('b', 'yyyy');
    cache.get('a');
    cache.set('c', 'zzzz');
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.bytes]).toEqual(['xxxx', undefined, 'zzzz', 8]);
  });

  test('one large entry pushes out as many small ones as it needs room for', () => {
    const cache = cacheOf(10);
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, 'xx');
    cache.set('big', 'y'.repeat(7));
    expect([cache.size, cache.bytes, cache.get('e'), cache.get('a')]).toEqual([2, 9, 'xx', undefined]);
  });

  test('never keeps an entry larger than its largest entry size, and keeps what it held', () => {
    const cache = cacheOf(100, 10);
    cache.set('small', 'x');
    cache.set('huge', 'y'.repeat(11));
    expect([cache.get('huge'), cache.get('small'), cache.bytes]).toEqual([undefined, 'x', 1]);
  });
});
