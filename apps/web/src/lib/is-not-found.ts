import { ApiError } from '@securecart/client';

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
