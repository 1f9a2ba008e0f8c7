/** The REST client's errors: what a person reads, never the request paths the server names. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, ApiError, errorMessage, fieldErrors, fieldIssues, readableMessage } from './api';

/** The body the server's error handler sends for bad input (server/http/errors.ts). */
function invalid(issues: { path: string; message: string }[]) {
  return {
    error: {
      code: 'invalid_input',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: issues,
    },
  };
}

/** What zod itself says for a value, so a change in its wording shows here. */
function zodMessage(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected an issue');
  return parsed.error.issues[0].message;
}

/** The error a request fails with when the server answers `status` with `body`. */
async function failure(status: number, body: unknown): Promise<unknown> {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
  return api.post('/api/anything', {}).then(
    () => {
      throw new Error('expected the request to fail');
    },
    (err: unknown) => err,
  );
}

describe('errors from the REST API', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an issue without the "body." path it is about', async () => {
    const err = await failure(
      400,
      invalid([
        { path: 'body.password', message: 'this password is too easy to guess; a few unrelated words work well' },
      ]),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(errorMessage(err)).toBe('This password is too easy to guess; a few unrelated words work well');
    expect(fieldErrors(err)).toEqual({
      password: 'This password is too easy to guess; a few unrelated words work well',
    });
  });

  it("puts the validator's own wording as advice, and says which item of a list", async () => {
    const tooShort = zodMessage(z.string().min(3), 'ab');
    const tooLong = zodMessage(z.string().max(500), 'x'.repeat(501));
    const err = await failure(
      400,
      invalid([
        { path: 'body.alternates.0', message: tooShort },
        { path: 'body.alternates.2', message: tooShort },
        { path: 'body.question', message: tooLong },
      ]),
    );
    // One sentence per different issue, however many items had it.
    expect(errorMessage(err)).toBe('Use at least 3 characters. Use at most 500 characters');
    expect(fieldIssues(err)).toEqual([
      { field: 'alternates', item: 0, message: 'Use at least 3 characters' },
      { field: 'alternates', item: 2, message: 'Use at least 3 characters' },
      { field: 'question', item: null, message: 'Use at most 500 characters' },
    ]);
    expect(fieldErrors(err)).toEqual({
      alternates: 'Use at least 3 characters',
      question: 'Use at most 500 characters',
    });
  });

  it('words missing fields, emails, lists and numbers plainly', async () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string().trim().min(1), '', 'Fill this in'],
      [z.object({ name: z.string() }), {}, 'Fill this in'],
      [z.email(), 'not-an-email', 'Enter a valid email address'],
      [z.array(z.string()).max(30), Array(31).fill('a'), 'Use at most 30 items'],
      [z.number().int().min(1), 0, 'Use 1 or more'],
      [z.number().int().max(50), 51, 'Use 50 or less'],
    ];
    for (const [schema, value, shown] of cases) {
      const err = await failure(400, invalid([{ path: 'body.field', message: zodMessage(schema, value) }]));
      expect(errorMessage(err)).toBe(shown);
    }
  });

  it("keeps the server's own messages as they are, and the details for the form", async () => {
    const err = await failure(400, invalid([{ path: 'body.url', message: 'use an http(s) URL' }]));
    expect(errorMessage(err)).toBe('Use an http(s) URL');
    expect((err as ApiError).details).toEqual([{ path: 'body.url', message: 'use an http(s) URL' }]);
    const conflict = await failure(409, {
      error: { code: 'conflict', message: 'a tag named "Shipping" already exists' },
    });
    expect(errorMessage(conflict)).toBe('A tag named "Shipping" already exists');
    expect(fieldErrors(conflict)).toEqual({});
    // Only the body's fields are a form's: a bad query parameter is said, not put beside a field.
    const query = await failure(400, invalid([{ path: 'querystring.name', message: 'Too big: nope' }]));
    expect(fieldErrors(query)).toEqual({});
    expect(errorMessage(query)).toBe('Too big: nope');
  });
});

describe("a socket's error ack (a joined message, no details)", () => {
  it('drops the paths of bad input', () => {
    expect(readableMessage({ code: 'invalid_input', message: 'body: message is longer than 10000 characters' })).toBe(
      'Message is longer than 10000 characters',
    );
    expect(
      readableMessage({
        code: 'invalid_input',
        message: 'body.message: contains a NUL character; body.note: Invalid input: expected boolean, received string',
      }),
    ).toBe('Contains a NUL character. Invalid input: expected boolean, received string');
  });

  it('keeps a prefix that is part of what the message says, and any other error as sent', () => {
    expect(readableMessage({ code: 'invalid_input', message: 'assigneeId: not a member of this workspace' })).toBe(
      'AssigneeId: not a member of this workspace',
    );
    expect(readableMessage({ code: 'rate_limited', message: 'body: too many' })).toBe('Body: too many');
  });
});
