import { describe, expect, it } from 'vitest';
import { generateKnowledge } from '../engine/retrieve/generated-kb';
import { benchRetrieval } from './retrieval';

describe('the retrieval benchmark', () => {
  it('generates a deterministic knowledge base and measures both engines', async () => {
    expect(generateKnowledge(50).chunks[7]).toEqual(generateKnowledge(50).chunks[7]);
    const r = await benchRetrieval({ chunks: 300, queries: 30 });
    expect(r.chunks).toBe(300);
    expect(r.engine_query_ms_p50).toBeGreaterThan(0);
    expect(r.bm25_query_ms_p50).toBeGreaterThan(0);
    expect(r.engine_top1).toBeGreaterThan(0.8);
  });
});
