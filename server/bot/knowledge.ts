/**
 * The workspace's knowledge: sources and chunks stored in the database, and the engine's in-memory
 * index per workspace built from them (lazily, on first question) and updated on every change.
 */
import { createHash } from 'node:crypto';
import { and, count, eq, max } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { LanguageModel } from 'ai';
import { LRUCache } from 'lru-cache';
import {
  KnowledgeIndex,
  answerOffline,
  calibratedThresholdAsync,
  hasCalibratedThreshold,
  prepareAsks,
  answerWithModel,
  IngestError,
  ingestSite,
  ingestUrl,
  loadDefaultWordVectors,
  readSource,
  type ChatTurn,
  type Embedder,
  type KnowledgeChunk,
  type SoftmaxTrainer,
  type SourceReader,
} from '../../engine';
import { knowledgeChunks, knowledgeSources } from '../../db/schema';
import type { Outbound } from '../../net/outbound';
import type { Citation } from '../../protocol/socket';
import { unitOfWork, type Deps } from '../commands/unit';
import { storedTrainer } from './model-store';
import { AppError } from '../errors';

export interface BotAnswer {
  text: string;
  citations: Citation[];
  confidence: number;
  abstained: boolean;
  threshold: number;
}

export type SourceInput =
  | { kind: 'file'; name: string; bytes: Uint8Array; contentType?: string }
  | { kind: 'url'; url: string }
  | { kind: 'crawl'; url: string; maxPages?: number }
  | { kind: 'qa'; question: string; answer: string; alternates?: string[] };

export type Source = typeof knowledgeSources.$inferSelect;

/**
 * Bytes an index's search structures hold per character of its chunks' text (postings, n-grams,
 * vectors), without the classifier (counted apart): `chatref bench --parts knowledge` measured
 * 8.5 on 50,000 generated chunks; rounded up.
 */
export const INDEX_BYTES_PER_CHAR = 10;
const INDEX_BASE_BYTES = 256 * 1024;

/**
 * An index's estimated memory, for the cache's bound: its search structures by the size of its
 * text, and its classifier's weights (doubles), which dominate on FAQ-sized knowledge.
 */
export function indexBytes(index: KnowledgeIndex, classifierWeights = 0): number {
  let chars = 0;
  for (const c of index.all()) chars += c.text.length + c.title.length + c.questions.reduce((n, q) => n + q.length, 0);
  return INDEX_BASE_BYTES + chars * INDEX_BYTES_PER_CHAR + classifierWeights * 8;
}

export class Knowledge {
  /** Indexes being built (a first question and a warm-up share one build). */
  private readonly building = new Map<string, Promise<KnowledgeIndex>>();
  /**
   * Built indexes, loaded on first use: memory is bounded by a setting, not by the number of shops.
   * The least recently used go first when it is short, and any unused for `idleMs`; a dropped one
   * is built again from the database (its classifier read back from `model-store.ts`, not retrained).
   */
  private readonly indexes: LRUCache<string, KnowledgeIndex>;
  /** The size of each loaded index's classifier (weights and biases), once trained or read back. */
  private readonly weights = new Map<string, number>();

  /**
   * @param passageUrl the link for a cited chunk that has no web page of its own (uploads, Q&A);
   *   the server passes one that opens the passage on its `/kb/…` page.
   */
  constructor(
    private readonly deps: Deps,
    private readonly passageUrl: (workspaceId: string, chunkId: string) => string | null = () => null,
    private readonly ai: { model?: LanguageModel | null; embedder?: Embedder | null; timeoutMs?: number } = {},
    /** Where the indexes' classifiers train (a worker thread in the server); inline when absent. */
    private readonly trainer: SoftmaxTrainer | null = null,
    /** How pages and sites are fetched; without one, the engine's default (public addresses only). */
    private readonly outbound: Pick<Outbound, 'fetch'> | null = null,
    /** Where files and fetched pages are parsed and chunked (a worker pool in the server, `parser.ts`). */
    private readonly read: SourceReader = readSource,
    cache: { maxMb: number; idleMs: number; checkMs?: number } = { maxMb: 512, idleMs: 3_600_000 },
  ) {
    this.checkMs = cache.checkMs ?? 3000;
    const maxSize = Math.max(1, Math.round(cache.maxMb * 1024 * 1024));
    this.indexes = new LRUCache<string, KnowledgeIndex>({
      maxSize,
      // One index larger than the whole bound still stays (alone): else every question rebuilt it.
      sizeCalculation: (idx, workspaceId) => Math.min(indexBytes(idx, this.weights.get(workspaceId)), maxSize),
      ...(cache.idleMs > 0 ? { ttl: cache.idleMs, updateAgeOnGet: true, ttlAutopurge: true } : {}),
      dispose: (_idx, workspaceId, reason) => {
        if (reason === 'set' || this.resizing) return;
        this.checked.delete(workspaceId);
        this.weights.delete(workspaceId);
      },
    });
  }

  /** Workspaces whose index is in memory now, and their estimated size in bytes. */
  loaded(): { workspaces: number; bytes: number } {
    return { workspaces: this.indexes.size, bytes: this.indexes.calculatedSize };
  }

  /** The offline word vectors, loaded once for every workspace's index. */
  private vectors: ReturnType<typeof loadDefaultWordVectors> | null = null;

  /** How stale an index may be served before it is compared with the database again (see `check`). */
  private readonly checkMs: number;

  /** When each workspace's index was last compared with the database (see `check`). */
  private readonly checked = new Map<string, { at: number; version: string }>();
  private readonly checking = new Map<string, Promise<void>>();

  /** The workspace's index: in memory, or built from its stored chunks (first use, or dropped). */
  index(workspaceId: string): Promise<KnowledgeIndex> {
    const loaded = this.indexes.get(workspaceId);
    if (loaded) return Promise.resolve(loaded);
    let index = this.building.get(workspaceId);
    if (!index) {
      index = (async () => {
        this.vectors ??= loadDefaultWordVectors();
        const idx = new KnowledgeIndex({
          wordVectors: await this.vectors,
          embedder: this.ai.embedder ?? null,
          // The trained classifier is stored with the knowledge: a restart loads it, not retrains.
          trainer: async (job) => {
            const model = await storedTrainer(this.deps, workspaceId, this.trainer)(job);
            this.weights.set(workspaceId, model.w.length + model.b.length);
            this.resized(workspaceId, idx);
            return model;
          },
        });
        const version = await this.version(workspaceId);
        const rows = await this.deps.db
          .select()
          .from(knowledgeChunks)
          .where(eq(knowledgeChunks.workspaceId, workspaceId))
          .orderBy(knowledgeChunks.id);
        idx.upsert(rows.map(toChunk));
        if (this.ai.embedder) await idx.embedPending();
        this.checked.set(workspaceId, { at: Date.now(), version });
        return idx;
      })();
      const building = index;
      building.then(
        (idx) => {
          if (this.building.get(workspaceId) === building) this.indexes.set(workspaceId, idx);
        },
        () => {},
      );
      void building
        .finally(() => {
          if (this.building.get(workspaceId) === building) this.building.delete(workspaceId);
        })
        .catch(() => {});
      this.building.set(workspaceId, index);
    }
    return index;
  }

  /** Re-measures a changed index against the memory bound (the cache re-measures only new values). */
  private resized(workspaceId: string, idx: KnowledgeIndex): void {
    if (this.indexes.peek(workspaceId) !== idx) return;
    this.resizing = true;
    try {
      this.indexes.delete(workspaceId);
      this.indexes.set(workspaceId, idx);
    } finally {
      this.resizing = false;
    }
  }
  private resizing = false;

  /** Drops the workspace's index (the next question builds it again). */
  private drop(workspaceId: string): void {
    this.building.delete(workspaceId);
    this.indexes.delete(workspaceId);
  }

  /**
   * Builds every workspace's index ahead of the first question (training the retrieval model takes
   * seconds on a large FAQ; better at start than while a visitor waits).
   */
  async warmAll(): Promise<void> {
    prepareAsks();
    const ids = await this.deps.db.selectDistinct({ id: knowledgeChunks.workspaceId }).from(knowledgeChunks);
    for (const { id } of ids) {
      // Only as many as the memory bound holds: the others load when first asked.
      if (this.indexes.calculatedSize >= this.indexes.maxSize * 0.8) break;
      await calibratedThresholdAsync(await this.index(id));
    }
  }

  /** A cheap fingerprint of the workspace's chunks: changes when any is added, removed or replaced. */
  private async version(workspaceId: string): Promise<string> {
    const [row] = await this.deps.db
      .select({ n: count(), latest: max(knowledgeChunks.createdAt) })
      .from(knowledgeChunks)
      .where(eq(knowledgeChunks.workspaceId, workspaceId));
    return `${row?.n ?? 0}:${row?.latest?.toISOString() ?? ''}`;
  }

  /**
   * Drops the index if another server instance changed the knowledge meanwhile: compared with the
   * database at most every `checkMs` (the server's CHATREF_CACHE_TTL_MS), one comparison at a time
   * per workspace; this instance's own changes update the index directly.
   */
  private check(workspaceId: string): Promise<void> {
    if (!this.checkDue(workspaceId)) return Promise.resolve();
    const under = this.checking.get(workspaceId);
    if (under) return under;
    const last = this.checked.get(workspaceId)!;
    const check = this.version(workspaceId).then((version) => {
      if (version !== last.version) this.drop(workspaceId);
      else this.checked.set(workspaceId, { at: Date.now(), version });
    });
    this.checking.set(workspaceId, check);
    return check.finally(() => this.checking.delete(workspaceId));
  }

  /**
   * Whether `answer` would answer now, from memory, without a read or a wait: offline (no model),
   * the index loaded, built, trained and calibrated; the visitor's send answers in its statement
   * only then (BotTurns.answerNow). An index due for its comparison with the database answers
   * while the comparison runs: a change found drops it for the next question (within `checkMs`).
   */
  answersAtOnce(workspaceId: string, threshold: number | null): boolean {
    if (this.ai.model || this.building.has(workspaceId)) return false;
    const index = this.indexes.peek(workspaceId);
    if (!index || !index.settled || (threshold === null && !hasCalibratedThreshold(index))) return false;
    // A failed read is the next `answer`'s to report: it compares again.
    this.check(workspaceId).catch(() => {});
    return true;
  }

  /** Whether the workspace's index is due for its comparison with the database (see `check`). */
  private checkDue(workspaceId: string): boolean {
    const last = this.checked.get(workspaceId);
    return !!last && Date.now() - last.at > this.checkMs;
  }

  /**
   * Answers from the workspace's knowledge: written by the configured model from the retrieved
   * passages, or composed offline (the default, and the fallback when the model fails).
   */
  async answer(
    workspaceId: string,
    question: string,
    threshold: number | null,
    history: ChatTurn[] = [],
  ): Promise<BotAnswer> {
    await this.check(workspaceId);
    const index = await this.index(workspaceId);
    // After a knowledge change the index rebuilds in slices and the classifier trains in the
    // background: this answer waits for them (other chats are not held up meanwhile).
    await index.prepared();
    // No threshold set in the workspace's settings: its own, calibrated on its content.
    const t = threshold ?? (await calibratedThresholdAsync(index));
    const a = this.ai.model
      ? await answerWithModel({
          model: this.ai.model,
          index,
          query: question,
          history,
          threshold: t,
          timeoutMs: this.ai.timeoutMs ?? 20_000,
        })
      : answerOffline(index, question, { threshold: t });
    const citations = a.citations.map((c) => ({ ...c, url: c.url ?? this.passageUrl(workspaceId, c.chunkId) }));
    return { text: a.text, citations, confidence: a.confidence, abstained: a.abstained, threshold: t };
  }

  /** Registers a source and ingests it; the source row records status, progress, errors. */
  async addSource(
    workspaceId: string,
    input: SourceInput,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Source> {
    const [source] = await this.deps.db
      .insert(knowledgeSources)
      .values({
        workspaceId,
        kind: input.kind,
        name: input.kind === 'file' ? input.name : input.kind === 'qa' ? input.question : input.url,
        uri: input.kind === 'file' ? input.name : input.kind === 'qa' ? null : input.url,
        status: 'ingesting',
      })
      .returning();
    return this.ingest(source, input, onProgress);
  }

  /**
   * Adds a web page or a whole site and reads it in the background (sites take a while): the
   * source's status and progress tell how far it got.
   */
  async addWebSource(workspaceId: string, input: { url: string; crawl: boolean; maxPages: number }): Promise<Source> {
    const [source] = await this.deps.db
      .insert(knowledgeSources)
      .values({
        workspaceId,
        kind: input.crawl ? 'crawl' : 'url',
        name: input.url,
        uri: input.url,
        status: 'ingesting',
      })
      .returning();
    void this.ingest(
      source,
      input.crawl ? { kind: 'crawl', url: input.url, maxPages: input.maxPages } : { kind: 'url', url: input.url },
    );
    return source;
  }

  /** (Re)reads a source and replaces its chunks; a failure marks the source, never throws past it. */
  async ingest(
    source: Source,
    input: SourceInput,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Source> {
    const setStatus = (patch: Partial<Source>) =>
      unitOfWork(this.deps, async (tx, record) => {
        const [s] = await tx.update(knowledgeSources).set(patch).where(eq(knowledgeSources.id, source.id)).returning();
        await record({
          workspaceId: source.workspaceId,
          name: 'knowledge.source.updated',
          actorType: 'system',
          data: { sourceId: source.id, status: s.status, progress: s.progress },
        });
        return s;
      });
    try {
      const chunks: KnowledgeChunk[] = [];
      if (input.kind === 'file') {
        const r = await this.read(
          { filename: input.name, bytes: input.bytes, contentType: input.contentType },
          { sourceId: source.id },
        );
        chunks.push(...r.chunks);
      } else if (input.kind === 'qa') {
        chunks.push({
          id: '',
          sourceId: source.id,
          title: input.question,
          headingPath: [],
          url: null,
          text: input.answer,
          questions: [input.question, ...(input.alternates ?? [])],
          answer: input.answer,
        });
      } else if (input.kind === 'url') {
        const r = await ingestUrl(input.url, source.id, { fetch: this.outbound?.fetch, read: this.read });
        if (r.error) throw r.error;
        chunks.push(...r.chunks);
      } else {
        const r = await ingestSite(input.url, source.id, {
          maxPages: input.maxPages ?? 50,
          maxDepth: 3,
          fetch: this.outbound?.fetch,
          onProgress: (p) => {
            onProgress?.(p.done, p.total);
            void this.deps.db
              .update(knowledgeSources)
              .set({ progress: p.total ? p.done / p.total : 0 })
              .where(eq(knowledgeSources.id, source.id));
          },
        });
        if (!r.chunks.length && r.errors.length) throw r.errors[0];
        chunks.push(...r.chunks);
      }
      if (!chunks.length) throw new AppError('invalid_input', 'no text found in this source');
      await this.replaceChunks(source, chunks);
      onProgress?.(1, 1);
      return await setStatus({
        status: 'ready',
        error: null,
        progress: 1,
        chunkCount: chunks.length,
        syncedAt: this.deps.now(),
      });
    } catch (err) {
      // The code goes with the message (the source row keeps one text): "… (TOO_MANY_PAGES)". A
      // failed statement's message holds its SQL and values (the source's own text): never shown.
      const message =
        err instanceof IngestError
          ? `${err.message} (${err.code})`
          : err instanceof DrizzleQueryError
            ? 'Chatref could not save the text of this source (a database error). Try again, or tell whoever runs your Chatref.'
            : err instanceof Error
              ? err.message
              : String(err);
      return setStatus({ status: 'error', error: message.slice(0, 500), progress: 0 });
    }
  }

  private async replaceChunks(source: Source, chunks: KnowledgeChunk[]): Promise<void> {
    const seen = new Set<string>();
    const rows: (typeof knowledgeChunks.$inferInsert)[] = [];
    for (const c of chunks) {
      const hash = contentHash(c);
      if (seen.has(hash)) continue;
      seen.add(hash);
      rows.push({
        workspaceId: source.workspaceId,
        sourceId: source.id,
        title: c.title,
        headingPath: c.headingPath,
        url: c.url,
        text: c.text,
        questions: c.questions,
        answer: c.answer ?? null,
        contentHash: hash,
      });
    }
    const stored = await this.deps.db.transaction(async (tx) => {
      await tx
        .delete(knowledgeChunks)
        .where(and(eq(knowledgeChunks.sourceId, source.id), eq(knowledgeChunks.workspaceId, source.workspaceId)));
      const out = [];
      for (let i = 0; i < rows.length; i += 200)
        out.push(
          ...(await tx
            .insert(knowledgeChunks)
            .values(rows.slice(i, i + 200))
            .returning()),
        );
      return out;
    });
    const index = await this.index(source.workspaceId);
    index.removeSource(source.id);
    index.upsert(stored.map(toChunk));
    this.resized(source.workspaceId, index);
    this.checked.set(source.workspaceId, { at: Date.now(), version: await this.version(source.workspaceId) });
  }

  /**
   * Re-reads a URL or site source (files are re-synced by uploading them again). Returns the source
   * marked "ingesting" at once, and `done`, which settles when the reading has finished.
   */
  async resync(workspaceId: string, sourceId: string): Promise<{ source: Source; done: Promise<Source> }> {
    const [source] = await this.deps.db
      .select()
      .from(knowledgeSources)
      .where(and(eq(knowledgeSources.id, sourceId), eq(knowledgeSources.workspaceId, workspaceId)));
    if (!source) throw new AppError('not_found', 'no such source');
    if ((source.kind !== 'url' && source.kind !== 'crawl' && source.kind !== 'sitemap') || !source.uri) {
      throw new AppError('invalid_input', 'only web sources can be re-synced; upload the file again to replace it');
    }
    const [marked] = await this.deps.db
      .update(knowledgeSources)
      .set({ status: 'ingesting', progress: 0, error: null })
      .where(eq(knowledgeSources.id, source.id))
      .returning();
    const done = this.ingest(
      marked,
      source.kind === 'url' ? { kind: 'url', url: source.uri } : { kind: 'crawl', url: source.uri },
    );
    return { source: marked, done };
  }

  async removeSource(workspaceId: string, sourceId: string): Promise<void> {
    const rows = await this.deps.db
      .delete(knowledgeSources)
      .where(and(eq(knowledgeSources.id, sourceId), eq(knowledgeSources.workspaceId, workspaceId)))
      .returning({ id: knowledgeSources.id });
    if (!rows.length) throw new AppError('not_found', 'no such source');
    const index = await this.index(workspaceId);
    index.removeSource(sourceId);
    this.resized(workspaceId, index);
  }
}

function contentHash(c: KnowledgeChunk): string {
  return createHash('sha256')
    .update(`${c.title}\n${c.text}\n${c.questions.join('|')}`)
    .digest('hex');
}

function toChunk(r: typeof knowledgeChunks.$inferSelect): KnowledgeChunk {
  return {
    id: r.id,
    sourceId: r.sourceId,
    title: r.title,
    headingPath: r.headingPath,
    url: r.url,
    text: r.text,
    questions: r.questions,
    answer: r.answer ?? undefined,
  };
}
