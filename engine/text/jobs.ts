/**
 * A job seeker's question: "are you hiring?", "r u hiring baristas", "looking for a weekend job",
 * "any summer jobs?". Every shop is asked it and few write about it, and its words find the wrong
 * passages: "welcome boxes for new hires", "hiring guides" read as a group quote. Such a question is
 * answered only by a passage about jobs (answer/offline.ts), and is no customer's handoff topic
 * (conversation/handoff.ts): without a jobs passage the bot says it is not sure and offers a person.
 */

const JOB_QUESTION = new RegExp(
  [
    // "are you hiring", "r u guys hiring", "is the shop hiring"
    "\\b(?:are|r|is)\\s+(?:you|u|ya|y'all|yall|you guys|u guys|the (?:shop|store|team))\\s+(?:\\w+\\s+)?hiring\\b",
    // "hiring guides for next summer?", "any hiring?" (not "hiring a kayak", the British rental)
    '^\\s*(?:any\\s+)?hiring\\b(?!\\s+(?:a|an|the|out|of|cost|price|fee)\\b)',
    '\\b(?:job|work|employment)\\s+(?:openings?|opportunit(?:y|ies)|vacanc(?:y|ies))\\b',
    '\\blooking\\s+for\\s+(?:a\\s+|some\\s+)?(?:\\w+\\s+)?(?:job|work|employment)\\b',
    '\\b(?:apply|application)\\s+(?:for\\s+(?:a\\s+)?(?:job|position)|to\\s+work)\\b',
    // "i'd love to work for you", not "how many people work at your store"
    "\\b(?:to|i|i'd|id)\\s+(?:\\w+\\s+){0,2}?(?:work|a job)\\s+(?:for|at|with)\\s+(?:you|u|your\\s+(?:shop|store|team))\\b",
    '\\b(?:any|open)\\s+(?:jobs|positions|vacancies)\\b',
    '\\b(?:part[- ]time|full[- ]time|summer|seasonal|holiday|weekend)\\s+(?:jobs?|positions?|staff|help\\s+wanted)\\b',
  ].join('|'),
  'i',
);

/** What a passage about jobs at the shop says. */
const JOB_PASSAGE =
  /\b(?:hiring|jobs?|careers?|vacanc(?:y|ies)|employment|join (?:our|the) team|resumes?|work with us|open positions?)\b/i;

/** Whether the message asks for a job at the shop. */
export function jobQuestion(text: string): boolean {
  return JOB_QUESTION.test(text);
}

/** Whether a passage (its heading, questions and text together) is about jobs at the shop. */
export function aboutJobs(text: string): boolean {
  return JOB_PASSAGE.test(text);
}
