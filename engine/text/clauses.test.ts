import { describe, expect, it } from 'vitest';
import { askingClause } from './clauses';

describe('askingClause', () => {
  it('finds the clause that asks after what the visitor tells first', () => {
    expect(askingClause('Planning to stop by Saturday with my mom, what time do you open?')).toBe(
      'what time do you open?',
    );
    expect(askingClause('Hi there! Quick one - do you take Venmo?')).toBe('do you take Venmo?');
    expect(askingClause('opened the earl grey and i dont like it, can i send it back')).toBe('can i send it back');
  });

  it('finds a question asked first, before the reason for it', () => {
    expect(askingClause("What's your street address? Want to put it in my GPS.")).toBe("What's your street address?");
    expect(askingClause('Is the shop open on Mondays? Some places round here shut then.')).toBe(
      'Is the shop open on Mondays?',
    );
  });

  it('has none for a message of one clause, or one whose first clause asks without a question mark', () => {
    expect(askingClause('what are your hours')).toBeNull();
    expect(askingClause('Need your address for my GPS')).toBeNull();
    expect(askingClause('what are your hours, thanks so much')).toBeNull();
  });
});
