import { describe, expect, it } from 'vitest';
import { embedderFromEnv, ModelConfigError, modelFromEnv, parseModelEnv } from './models';

describe('modelFromEnv', () => {
  it('returns null when nothing is configured (the default: no key)', () => {
    expect(modelFromEnv({})).toBeNull();
    expect(modelFromEnv({ CHATREF_LLM_PROVIDER: '', CHATREF_LLM_API_KEY: '  ' })).toBeNull();
    expect(embedderFromEnv({})).toBeNull();
  });

  it('builds an OpenAI model with a default model id', () => {
    const m = modelFromEnv({ CHATREF_LLM_PROVIDER: 'openai', CHATREF_LLM_API_KEY: 'sk-test' });
    expect(m).not.toBeNull();
    expect(typeof m === 'object' && m && 'modelId' in m ? m.modelId : '').toBe('gpt-4o-mini');
  });

  it('builds an Anthropic model with the model asked for', () => {
    const m = modelFromEnv({
      CHATREF_LLM_PROVIDER: 'anthropic',
      CHATREF_LLM_API_KEY: 'k',
      CHATREF_LLM_MODEL: 'claude-x',
    });
    expect(typeof m === 'object' && m && 'modelId' in m ? m.modelId : '').toBe('claude-x');
  });

  it('builds an OpenAI-compatible model from a base URL without a key', () => {
    const m = modelFromEnv({
      CHATREF_LLM_PROVIDER: 'openai-compatible',
      CHATREF_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      CHATREF_LLM_MODEL: 'llama3.2',
    });
    expect(typeof m === 'object' && m && 'provider' in m ? m.provider : '').toContain('openai-compatible');
  });

  it('builds an embedder when an embedding model is named', () => {
    const e = embedderFromEnv({
      CHATREF_LLM_PROVIDER: 'openai',
      CHATREF_LLM_API_KEY: 'k',
      CHATREF_EMBEDDING_MODEL: 'text-embedding-3-small',
    });
    expect(e?.id).toBe('openai:text-embedding-3-small');
  });

  it.each([
    [{ CHATREF_LLM_PROVIDER: 'openai' }, /CHATREF_LLM_API_KEY is required/],
    [{ CHATREF_LLM_PROVIDER: 'mistral' }, /CHATREF_LLM_PROVIDER/],
    [{ CHATREF_LLM_PROVIDER: 'openai-compatible', CHATREF_LLM_MODEL: 'x' }, /CHATREF_LLM_BASE_URL is required/],
    [
      { CHATREF_LLM_PROVIDER: 'openai-compatible', CHATREF_LLM_BASE_URL: 'not a url', CHATREF_LLM_MODEL: 'x' },
      /CHATREF_LLM_BASE_URL/,
    ],
    [{ CHATREF_LLM_API_KEY: 'sk' }, /CHATREF_LLM_PROVIDER is not/],
    [
      { CHATREF_LLM_PROVIDER: 'anthropic', CHATREF_LLM_API_KEY: 'k', CHATREF_EMBEDDING_MODEL: 'e' },
      /no embedding models/,
    ],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => parseModelEnv(env)).toThrow(ModelConfigError);
    expect(() => modelFromEnv(env)).toThrow(message);
  });
});
