import { parse } from 'graphql';
import { cacheDefaults, documentStore } from '../../../gateway/memory/cache-config';

describe('The gateway\'s document cache', () => {
  const config = { ...cacheDefaults(), documentCacheMb: 1, cacheableDocumentMaxBytes: 1_000 };

  test('keeps a document no longer than the cacheable size', async () => {
    const store = documentStore(config);
    const document = parse(`{ provinces { ${'code '.repeat(100)}} }`);
    await store.set('short', document);
    expect(await store.get('short')).toBe(document);
  });

  test('never keeps a longer one, however much room it has', async () => {
    const store = documentStore(config);
    await store.set('long', parse(`{ provinces { ${'code '.repeat(300)}} }`));
    expect(await store.get('long')).toBeUndefined();
  });

  test('holds at most its megabytes: parsed documents weigh about 70 bytes per byte of text', async () => {
    const store = documentStore(config);
    // 900 bytes of text weigh about 63 KB parsed: a megabyte holds 16 of them, not 40.
    const text = `{ provinces { ${'code '.repeat(177)}} }`;
    for (let i = 0; i < 40; i += 1) await store.set(`d${i}`, parse(text));
    const kept = (await Promise.all(Array.from({ length: 40 }, (_, i) => store.get(`d${i}`)))).filter(Boolean);
    expect(kept.length).toBe(16);
    expect(await store.get('d39')).toBeDefined();
  });
});
