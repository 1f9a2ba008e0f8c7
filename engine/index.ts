// Answering from the shop's own content: retrieval, ingestion, offline and model answers.
export {
  KnowledgeIndex,
  loadDefaultWordVectors,
  titleLine,
  trainSoftmax,
  weightsFromSpan,
  type Embedder,
  type KnowledgeChunk,
  type KnowledgeIndexOptions,
  type SearchHit,
  type SoftmaxJob,
  type SoftmaxTrainer,
  type SpanWeights,
  type TrainedSoftmax,
} from './retrieve/index';
export {
  answerOffline,
  calibratedThreshold,
  calibratedThresholdAsync,
  hasCalibratedThreshold,
  prepareAsks,
  answerWithModel,
  confidenceOf,
  DEFAULT_ANSWER_THRESHOLD,
  NOT_SURE_TEXT,
  type ChatTurn,
  type Citation,
  type EngineAnswer,
} from './answer/index';
export { modelFromEnv, embedderFromEnv, ModelConfigError } from './models';
export {
  parseSource,
  chunkDocument,
  fetchUrl,
  fetchDocument,
  crawlSite,
  ingestFiles,
  ingestUrl,
  ingestSite,
  readSource,
  IngestError,
  INGEST_ERROR_CODES,
  DEFAULT_PARSE_LIMITS,
  type CrawlOptions,
  type ParseLimits,
  type ReadOptions,
  type ReadResult,
  type SourceReader,
  type SourceInput,
  type FileSource,
  type IngestErrorCode,
  type IngestResult,
  type ParsedDocument,
  type Progress,
  type ProgressCallback,
} from './ingest/index';

// Reading the conversation: tags, requests for a person, frustration, handoff, handoff card, gaps.
export {
  TagClassifier,
  classifyWithModel,
  type TagClassifierOptions,
  type TagDefinition,
  type TagPrediction,
} from './classify/index';
export { wantsHuman, type WantsHuman } from './conversation/wants-human';
export {
  frustrationScore,
  conversationFrustration,
  DEFAULT_FRUSTRATION_THRESHOLD,
  type ConversationFrustration,
} from './conversation/frustration';
export {
  decideHandoff,
  DEFAULT_HANDOFF_SETTINGS,
  type HandoffDecision,
  type HandoffInput,
  type HandoffReason,
  type HandoffSettings,
} from './conversation/handoff';
export { captureDetails, type CapturedDetails } from './conversation/details';
export { summarizeHandoff, type HandoffSummary } from './conversation/summary';
export { groupGaps, type GapCluster, type GapItem } from './conversation/gaps';
export { loadWordVectors, sentenceVector, sifWeight, type WordVectors } from './vectors/index';
