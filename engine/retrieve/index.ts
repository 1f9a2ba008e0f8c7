/** Retrieval: the in-memory hybrid index over a workspace's knowledge chunks. */
export { KnowledgeIndex, titleLine, type KnowledgeIndexOptions, type SearchOptions } from './knowledge-index';
export { loadDefaultWordVectors, SentenceEncoder } from './dense';
export { FUSION_WEIGHTS, type FusionWeights } from './fusion';
export { DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from './entry-classifier';
export { generateKnowledge } from './generated-kb';
export type { Embedder, HitFeatures, KnowledgeChunk, SearchHit, WordVectorsLike } from './types';
export type { SoftmaxJob, SoftmaxTrainer, TrainedSoftmax } from './softmax-lbfgs';
export { trainSoftmax } from './softmax-lbfgs';
export { weightsFromSpan, type SpanWeights } from './softmax-span';
