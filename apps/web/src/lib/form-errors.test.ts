import { ApiError } from '@securecart/client';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, fieldMessage, formErrorMessage, LOCKED_MESSAGE } from './form-errors.ts';

const problem = (status: number, extra: Record<string, unknown> = {}, retryAfter?: number) =>
  new ApiError({ type: 'about:blank', title: 'Refused', status, ...extra }, retryAfter);

describe('form errors', () => {
  it('prefixes fragments with the field label and leaves sentences alone', () => {
    expect(fieldMessage('Email', 'is required')).toBe('Email is required.');
    expect(fieldMessage('Password', 'must contain a digit')).toBe('Password must contain a digit.');
    expect(fieldMessage('Date of birth', 'you must be at least 13 years old')).toBe(
      'You must be at least 13 years old.',
    );
  });

  it('maps errors[].path to fields, joining several messages for one field', () => {
    const error = problem(400, {
      errors: [
        { path: 'password', message: 'must contain a digit' },
        { path: 'password', message: 'is too common; choose something less guessable' },
        { path: '/address/postalCode', message: 'is not a valid US postal code (e.g. 12345)' },
      ],
    });
    expect(fieldErrorsFrom(error, { password: 'Password', 'address.postalCode': 'Postal code' })).toEqual({
      password: 'Password must contain a digit. Password is too common; choose something less guessable.',
      'address.postalCode': 'Postal code is not a valid US postal code (e.g. 12345).',
    });
  });

  it('explains 423 and 429 in plain words', () => {
    expect(formErrorMessage(problem(423, { code: 'login_locked' }))).toBe(LOCKED_MESSAGE);
    expect(formErrorMessage(problem(429, {}, 42))).toBe('Too many attempts. Try again in 42 seconds.');
    expect(formErrorMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach the shop/);
  });
});
