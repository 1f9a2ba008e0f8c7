/**
 * How strong a new password is, by zxcvbn (dictionaries of common passwords, names and words,
 * keyboard patterns, repeats, dates). A password that scores below 3 ("safely unguessable: moderate
 * protection from offline attacks") is refused with zxcvbn's own hint.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 8;
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
const checker = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** null when the password is strong enough, else what to do about it. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.trim().length < MIN_PASSWORD_LENGTH)
    return `use at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well)`;
  // zxcvbn's cost grows with length; the part past 100 characters adds nothing to guess.
  const result = checker().check(password.slice(0, 100), userInputs.filter(Boolean));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? null;
  return `this password is too easy to guess${hint ? `: ${hint.replace(/\.$/, '').toLowerCase()}` : ''}; a few unrelated words work well`;
}

/** A new password (sign-up, accepting an invitation, any change): long and hard enough to guess. */
export const NewPassword = z
  .string()
  .max(200, 'use at most 200 characters')
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
