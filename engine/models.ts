/**
 * Which language model (if any) writes answers, from the environment. The default is none: the
 * built-in engine answers with no key. Providers: OpenAI, Anthropic, and any OpenAI-compatible
 * server (Ollama, vLLM, llama.cpp, LM Studio) through its base URL.
 *
 *   CHATREF_LLM_PROVIDER   openai | anthropic | openai-compatible   (unset: no model)
 *   CHATREF_LLM_MODEL      model id (required for openai-compatible; a default otherwise)
 *   CHATREF_LLM_API_KEY    required for openai and anthropic; optional for openai-compatible
 *   CHATREF_LLM_BASE_URL   required for openai-compatible; optional proxy URL for the others
 *   CHATREF_EMBEDDING_MODEL  optional: an embedding model of the same provider (not anthropic)
 */
import { createRequire } from 'node:module';
import type { EmbeddingModel, LanguageModel } from 'ai';
import { z } from 'zod';
import type { Embedder } from './retrieve/types';

// The providers are loaded only when one is configured (they and the AI SDK take a few hundred
// milliseconds to load, and the offline engine needs neither).
const require = createRequire(import.meta.url);
const createOpenAI = (...a: Parameters<typeof import('@ai-sdk/openai').createOpenAI>) =>
  (require('@ai-sdk/openai') as typeof import('@ai-sdk/openai')).createOpenAI(...a);
const createAnthropic = (...a: Parameters<typeof import('@ai-sdk/anthropic').createAnthropic>) =>
  (require('@ai-sdk/anthropic') as typeof import('@ai-sdk/anthropic')).createAnthropic(...a);
const createOpenAICompatible = (...a: Parameters<typeof import('@ai-sdk/openai-compatible').createOpenAICompatible>) =>
  (require('@ai-sdk/openai-compatible') as typeof import('@ai-sdk/openai-compatible')).createOpenAICompatible(...a);

export const PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Models used when CHATREF_LLM_MODEL is unset (small, cheap, good at grounded answers). */
export const DEFAULT_MODELS: Record<Exclude<Provider, 'openai-compatible'>, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
};

/** A configuration mistake, with a message that names the variable to fix. */
export class ModelConfigError extends Error {
  readonly code = 'MODEL_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ModelConfigError';
  }
}

/** Empty strings count as unset (`VAR=` in an env file). */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    schema.optional(),
  );

const EnvSchema = z
  .object({
    CHATREF_LLM_PROVIDER: optional(z.enum(PROVIDERS)),
    CHATREF_LLM_MODEL: optional(z.string()),
    CHATREF_LLM_API_KEY: optional(z.string()),
    CHATREF_LLM_BASE_URL: optional(z.url()),
    CHATREF_EMBEDDING_MODEL: optional(z.string()),
  })
  .superRefine((env, ctx) => {
    const p = env.CHATREF_LLM_PROVIDER;
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!p) {
      for (const k of ['CHATREF_LLM_MODEL', 'CHATREF_LLM_API_KEY', 'CHATREF_LLM_BASE_URL'] as const)
        if (env[k]) issue(k, `${k} is set but CHATREF_LLM_PROVIDER is not (one of ${PROVIDERS.join(', ')})`);
      return;
    }
    if ((p === 'openai' || p === 'anthropic') && !env.CHATREF_LLM_API_KEY)
      issue('CHATREF_LLM_API_KEY', `CHATREF_LLM_API_KEY is required for ${p}`);
    if (p === 'openai-compatible') {
      if (!env.CHATREF_LLM_BASE_URL)
        issue(
          'CHATREF_LLM_BASE_URL',
          'CHATREF_LLM_BASE_URL is required for openai-compatible (e.g. http://127.0.0.1:11434/v1)',
        );
      if (!env.CHATREF_LLM_MODEL) issue('CHATREF_LLM_MODEL', 'CHATREF_LLM_MODEL is required for openai-compatible');
    }
    if (p === 'anthropic' && env.CHATREF_EMBEDDING_MODEL)
      issue('CHATREF_EMBEDDING_MODEL', 'anthropic has no embedding models: unset CHATREF_EMBEDDING_MODEL');
  });

export type ModelEnv = z.infer<typeof EnvSchema>;

/** Validates the CHATREF_LLM_* variables; throws ModelConfigError naming what is wrong. */
export function parseModelEnv(env: Record<string, string | undefined>): ModelEnv {
  const r = EnvSchema.safeParse(env);
  if (!r.success) {
    const msg = r.error.issues
      .map((i) => (i.code === 'custom' ? i.message : `${i.path.join('.')}: ${i.message}`))
      .join('; ');
    throw new ModelConfigError(msg);
  }
  return r.data;
}

/** The configured chat model, or null when none is configured (the default). */
export function modelFromEnv(env: Record<string, string | undefined> = process.env): LanguageModel | null {
  const e = parseModelEnv(env);
  switch (e.CHATREF_LLM_PROVIDER) {
    case undefined:
      return null;
    case 'openai':
      return createOpenAI({ apiKey: e.CHATREF_LLM_API_KEY, baseURL: e.CHATREF_LLM_BASE_URL })(
        e.CHATREF_LLM_MODEL ?? DEFAULT_MODELS.openai,
      );
    case 'anthropic':
      return createAnthropic({ apiKey: e.CHATREF_LLM_API_KEY, baseURL: e.CHATREF_LLM_BASE_URL })(
        e.CHATREF_LLM_MODEL ?? DEFAULT_MODELS.anthropic,
      );
    case 'openai-compatible':
      return compatible(e).chatModel(e.CHATREF_LLM_MODEL!);
  }
}

function compatible(e: ModelEnv) {
  return createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: e.CHATREF_LLM_BASE_URL!,
    apiKey: e.CHATREF_LLM_API_KEY,
  });
}

/** Wraps an AI SDK embedding model as the index's Embedder. */
export function embedderFromModel(model: EmbeddingModel, id: string): Embedder {
  return {
    id,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (!texts.length) return [];
      const { embedMany } = await import('ai');
      const { embeddings } = await embedMany({ model, values: texts, maxRetries: 1 });
      return embeddings.map((v) => Float32Array.from(v));
    },
  };
}

/** The configured embedder (CHATREF_EMBEDDING_MODEL), or null when none is configured. */
export function embedderFromEnv(env: Record<string, string | undefined> = process.env): Embedder | null {
  const e = parseModelEnv(env);
  const id = e.CHATREF_EMBEDDING_MODEL;
  if (!id || !e.CHATREF_LLM_PROVIDER) return null;
  if (e.CHATREF_LLM_PROVIDER === 'openai') {
    const provider = createOpenAI({ apiKey: e.CHATREF_LLM_API_KEY, baseURL: e.CHATREF_LLM_BASE_URL });
    return embedderFromModel(provider.embeddingModel(id), `openai:${id}`);
  }
  if (e.CHATREF_LLM_PROVIDER === 'openai-compatible') {
    return embedderFromModel(compatible(e).embeddingModel(id), `openai-compatible:${id}`);
  }
  return null;
}
