/** A refusal a service can throw; the error plugin turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly code?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource', code = 'not_found') =>
  new AppError(404, 'Not Found', `${what} not found`, code);
export const conflict = (detail: string, code = 'conflict', extra?: Record<string, unknown>) =>
  new AppError(409, 'Conflict', detail, code, extra);
export const unprocessable = (detail: string, code = 'unprocessable', extra?: Record<string, unknown>) =>
  new AppError(422, 'Unprocessable Content', detail, code, extra);
export const badRequest = (detail: string, code = 'bad_request') =>
  new AppError(400, 'Bad Request', detail, code);
export const unauthorized = (detail = 'Authentication required', code = 'unauthorized') =>
  new AppError(401, 'Unauthorized', detail, code);
export const forbidden = (detail = 'Not allowed', code = 'forbidden') =>
  new AppError(403, 'Forbidden', detail, code);

/** A 400 naming each invalid field, in the same shape as a schema validation failure. */
export const invalidFields = (errors: { path: string; message: string }[], detail = 'Invalid body') =>
  new AppError(400, 'Bad Request', detail, 'validation_failed', { errors });
