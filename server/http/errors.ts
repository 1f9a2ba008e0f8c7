/**
 * Turns every failure into `{ error: { code, message } }` with a 4xx for bad requests.
 * A 500 says only "internal"; the details go to the log, never to the client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode } from '../errors';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large …) mapped to our codes. */
function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_type';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  return 'invalid_input';
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const path = String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replace(/\//g, '.');
        return { path: [err.validationContext, path].filter(Boolean).join('.'), message: v.message ?? 'invalid' };
      });
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return reply.status(400).send({ error: { code: 'invalid_input', message, details: issues } } satisfies ErrorBody);
    }
    if (err instanceof AppError) {
      // Field-level issues (`[{ path, message }]`, as for bad input) go to the form beside the field.
      const details = Array.isArray(err.details) ? { details: err.details } : {};
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, ...details } } satisfies ErrorBody);
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = codeForStatus(status);
      return reply
        .status(ERRORS[code] === status ? status : 400)
        .send({ error: { code, message: err.message } } satisfies ErrorBody);
    }
    req.log.error({ err }, 'request failed');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'something went wrong on our side' } } satisfies ErrorBody);
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0]}` },
    } satisfies ErrorBody);
  });
}
