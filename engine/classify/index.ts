/** Auto-tagging: offline classifier with online corrections, and an optional model-backed path. */
export { TagClassifier, type TagClassifierOptions } from './classifier';
export type { TagDefinition, TagPrediction } from './types';
export { classifyWithModel, tagPrompt } from './model';
