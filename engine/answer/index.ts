/** Answering: offline from the index, or written by a model grounded in retrieved passages. */
export { answerOffline, citationOf, type OfflineAnswerOptions } from './offline';
export { answerRanking, isFaq } from './ranking';
export {
  answerWithModel,
  mapCitations,
  NOT_FOUND,
  SYSTEM_PROMPT,
  type ChatTurn,
  type ModelAnswerOptions,
} from './model';
export { confidenceOf, CALIBRATION, type Calibration } from './confidence';
export {
  calibratedThreshold,
  calibratedThresholdAsync,
  hasCalibratedThreshold,
  calibrateIndex,
  CALIBRATION_RULE,
  type CalibrationRule,
  type WorkspaceCalibration,
} from './calibrate';
export { OFF_TOPIC_QUESTIONS } from './off-topic';
export { prepareAsks } from './ask-kinds';
export { relevantSentences, splitSentences } from './sentences';
export { DEFAULT_ANSWER_THRESHOLD, NOT_SURE_TEXT, type AnswerSource, type Citation, type EngineAnswer } from './types';
