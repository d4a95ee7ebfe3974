import { describe, expect, it } from 'vitest';
import { describeDetails, formatValue } from './describe-details.ts';

describe('describeDetails', () => {
  it('pairs a role change’s before and after objects field by field', () => {
    expect(describeDetails({ before: { role: 'customer' }, after: { role: 'seller' } })).toEqual([
      { label: 'role', before: 'customer', after: 'seller' },
    ]);
  });

  it('reads a product update’s changes without the grouping key', () => {
    expect(
      describeDetails({
        changes: { priceCents: { before: 4500, after: 3900 }, imageUrl: { before: null, after: '/a.png' } },
      }),
    ).toEqual([
      { label: 'priceCents', before: '4500', after: '3900' },
      { label: 'imageUrl', before: '(none)', after: '/a.png' },
    ]);
  });

  it('keeps other details as key and value, nested ones with their path', () => {
    expect(
      describeDetails({
        delta: -3,
        reason: 'count',
        stock: { before: 12, after: 9 },
        meta: { ids: ['a', 'b'] },
      }),
    ).toEqual([
      { label: 'delta', value: '-3' },
      { label: 'reason', value: 'count' },
      { label: 'stock', before: '12', after: '9' },
      { label: 'meta.ids', value: '["a","b"]' },
    ]);
  });

  it('keeps a lone before or after as a plain value', () => {
    expect(describeDetails({ before: 'x' })).toEqual([{ label: 'before', value: 'x' }]);
  });
});

describe('formatValue', () => {
  it('marks empty values and shortens long ones', () => {
    expect(formatValue('')).toBe('(empty)');
    expect(formatValue(undefined)).toBe('(none)');
    expect(formatValue('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
    expect(formatValue(false)).toBe('false');
  });
});
