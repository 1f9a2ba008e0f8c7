/**
 * The error catalogue: every refusal the product gives has a stable code and an HTTP status.
 * Routes and socket handlers turn these into `{ error: { code, message } }`; nothing else leaks.
 */
export const ERRORS = {
  invalid_input: 400,
  blocked_address: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  already_claimed: 409,
  illegal_transition: 409,
  payload_too_large: 413,
  /** A widget or dashboard older than the socket protocol the server still speaks: reload it. */
  protocol_outdated: 426,
  unsupported_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERRORS[code];
  }
}
