/** The agent's copilot: suggested replies from the team's past answers and the shop's content. */
export { LearnedIndex, similarityOf, type LearnedAnswer, type LearnedMatch } from './learned';
export { lessonsOf, type Lesson, type Lessons } from './lessons';
export { customerDetails, learnableQuestion, learnableReply, type KnownCustomer } from './scrub';
export {
  CONTENT_FLOOR,
  LEARNED_MIN,
  LEARNED_MARGIN,
  LEARNED_SURE,
  suggestOffline,
  type Suggestion,
  type SuggestionKind,
  type SuggestInput,
} from './suggest';
export { COPILOT_PROMPT, suggestWithModel, type ModelSuggestInput } from './model';
