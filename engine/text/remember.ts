/**
 * What a reading of a text gave, remembered for the texts read last (up to about `chars`
 * characters of them, least recently read out first): an answer reads the same passages and their
 * sentences for question after question. The result is shared: read it, never change it.
 */
import { LRUCache } from 'lru-cache';

export function rememberedByText<T extends NonNullable<unknown>>(
  read: (text: string) => T,
  chars = 4_000_000,
): (text: string) => T {
  const cache = new LRUCache<string, T>({ maxSize: chars, sizeCalculation: (_, text) => text.length + 1 });
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) cache.set(text, (value = read(text)));
    return value;
  };
}
