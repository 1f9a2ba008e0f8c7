/**
 * What a reading of a text gave, remembered for the texts read last (up to about `chars`
 * characters of them, least recently read out first; the default is some 2 MB of text): an answer
 * reads the same passages and their sentences for question after question, in every shop the
 * process serves. The result is shared: read it, never change it.
 */
import { LRUCache } from 'lru-cache';

export function rememberedByText<T extends NonNullable<unknown>>(
  read: (text: string) => T,
  chars = 1_000_000,
): (text: string) => T {
  const cache = new LRUCache<string, T>({ maxSize: chars, sizeCalculation: (_, text) => text.length + 1 });
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) cache.set(text, (value = read(text)));
    return value;
  };
}
