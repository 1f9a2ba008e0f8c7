/**
 * Model-backed tagging: a language model reads the tag definitions and returns structured output
 * (Vercel AI SDK, `generateText` with `Output.object`). Used when a workspace configures a model;
 * any model error falls back to the offline classifier.
 */
import type { LanguageModel } from 'ai';
import { z } from 'zod';
import type { TagDefinition, TagPrediction } from './types';

const resultSchema = z.object({
  tags: z
    .array(
      z.object({
        tagId: z.string().describe('the id of a tag from the list'),
        confidence: z.number().min(0).max(1).describe('probability that the tag applies'),
      }),
    )
    .describe('the tags that apply, best first; empty when none applies'),
});

/** The prompt: each tag with its id, name, description and a few examples. */
export function tagPrompt(tags: TagDefinition[], text: string, examplesPerTag = 3): string {
  const list = tags
    .map((t) => {
      const ex = t.examples.slice(0, examplesPerTag).map((e) => `"${e.replace(/\s+/g, ' ').slice(0, 160)}"`);
      return `- id: ${t.id}; name: ${t.name}${t.description ? `; description: ${t.description}` : ''}${ex.length ? `; examples: ${ex.join(', ')}` : ''}`;
    })
    .join('\n');
  return (
    `Tag this customer-support conversation with the topics below that apply. ` +
    `Use only these ids; give each a confidence between 0 and 1; return no tag rather than a wrong one.\n\n` +
    `Tags:\n${list}\n\nConversation:\n${text}`
  );
}

/**
 * Asks the model for tags. Unknown ids are dropped, confidences clamped, and the result sorted
 * best first. Throws when the model fails or its output does not match the schema.
 */
export async function classifyWithModel(
  model: LanguageModel,
  tags: TagDefinition[],
  text: string,
  opts: { abortSignal?: AbortSignal } = {},
): Promise<TagPrediction[]> {
  const { generateText, Output } = await import('ai'); // loaded on first use, not at start
  const { output } = await generateText({
    model,
    output: Output.object({ schema: resultSchema }),
    system: 'You label customer-support conversations with the shop’s own tags.',
    prompt: tagPrompt(tags, text),
    temperature: 0,
    maxRetries: 1,
    abortSignal: opts.abortSignal,
  });
  const known = new Set(tags.map((t) => t.id));
  const best = new Map<string, number>();
  for (const t of output.tags) {
    if (!known.has(t.tagId)) continue;
    const c = Math.min(1, Math.max(0, t.confidence));
    best.set(t.tagId, Math.max(best.get(t.tagId) ?? 0, c));
  }
  return [...best].map(([tagId, confidence]) => ({ tagId, confidence })).sort((a, b) => b.confidence - a.confidence);
}
