import { describe, expect, it } from 'vitest';
import {
  addressInputSchema,
  currencyCodeSchema,
  dateOfBirthSchema,
  languageTagSchema,
  personNameSchema,
  phoneSchema,
} from './account.ts';

const address = (fields: Record<string, unknown>) => ({
  name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Springfield',
  ...fields,
});

const yearsAgo = (years: number, days = 0) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('addressInputSchema', () => {
  it.each([
    [
      { country: 'US', region: 'ny', postalCode: '10001' },
      { region: 'NY', postalCode: '10001' },
    ],
    [
      { country: 'us', region: 'CA', postalCode: '94105-1234' },
      { country: 'US', postalCode: '94105-1234' },
    ],
    [
      { country: 'CA', region: 'on', postalCode: 'k1a0b1' },
      { region: 'ON', postalCode: 'K1A 0B1' },
    ],
    [
      { country: 'GB', postalCode: 'sw1a1aa' },
      { postalCode: 'SW1A 1AA', region: '' },
    ],
    [{ country: 'GB', postalCode: 'M1 1AE', region: 'Greater Manchester' }, { postalCode: 'M1 1AE' }],
    [{ country: 'DE', postalCode: '10115' }, { postalCode: '10115' }],
    [{ country: 'FR', postalCode: ' 75001 ' }, { postalCode: '75001' }],
    [{ country: 'NL', postalCode: '1012 ab' }, { postalCode: '1012 AB' }],
  ])('accepts and normalises %o', (fields, expected) => {
    expect(addressInputSchema.parse(address(fields))).toMatchObject(expected);
  });

  it('turns an empty line2 and a missing phone into null', () => {
    const parsed = addressInputSchema.parse(
      address({ country: 'DE', postalCode: '10115', line2: ' ', phone: undefined }),
    );
    expect(parsed).toMatchObject({ line2: null, phone: null });
  });

  it.each([
    [{ country: 'US', region: 'NY', postalCode: '1234' }, 'postalCode'],
    [{ country: 'US', region: 'NY', postalCode: '12345-12' }, 'postalCode'],
    [{ country: 'US', region: 'XX', postalCode: '10001' }, 'region'],
    [{ country: 'US', postalCode: '10001' }, 'region'],
    [{ country: 'CA', region: 'ON', postalCode: 'D1A 0B1' }, 'postalCode'],
    [{ country: 'CA', region: 'ON', postalCode: '12345' }, 'postalCode'],
    [{ country: 'CA', region: 'NY', postalCode: 'K1A 0B1' }, 'region'],
    [{ country: 'GB', postalCode: '12345' }, 'postalCode'],
    [{ country: 'DE', postalCode: '1011' }, 'postalCode'],
    [{ country: 'FR', postalCode: '7500A' }, 'postalCode'],
    [{ country: 'XX', postalCode: '10001' }, 'country'],
    [{ country: 'USA', postalCode: '10001' }, 'country'],
    [{ country: 'DE', postalCode: '10115', name: '  ' }, 'name'],
    [{ country: 'DE', postalCode: '10115', line1: 'a\u0000b' }, 'line1'],
    [{ country: 'DE', postalCode: '10115', phone: '555-1234' }, 'phone'],
  ])('refuses %o at %s', (fields, path) => {
    const result = addressInputSchema.safeParse(address(fields));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('requires every mandatory field', () => {
    const result = addressInputSchema.safeParse({});
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'line1', 'city', 'postalCode', 'country']));
  });
});

describe('profile fields', () => {
  it.each(['Ada', 'Jean-Luc Picard', "O'Brien", 'Zoë Ångström', 'Nguyễn Văn An', 'Øyvind'])(
    'accepts the name %s',
    (name) => expect(personNameSchema.safeParse(name).success).toBe(true),
  );

  it.each(['', '   ', 'R2-D2', '<script>', 'Ada_Lovelace', "'quoted", 'a'.repeat(101)])(
    'refuses the name %j',
    (name) => expect(personNameSchema.safeParse(name).success).toBe(false),
  );

  it('normalises phone numbers to E.164 and refuses others', () => {
    expect(phoneSchema.parse('+1 (415) 555-0123')).toBe('+14155550123');
    for (const bad of ['4155550123', '+0123456789', '+1 415 CALL NOW', '+1234567890123456']) {
      expect(phoneSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('wants a past birth date at least 13 years ago', () => {
    expect(dateOfBirthSchema.safeParse(yearsAgo(13)).success).toBe(true);
    expect(dateOfBirthSchema.safeParse(yearsAgo(13, 1)).success).toBe(false);
    expect(dateOfBirthSchema.safeParse(yearsAgo(-1)).error?.issues).toHaveLength(1);
    for (const bad of ['1899-12-31', '2001-02-29', '01/02/2000', 'yesterday']) {
      expect(dateOfBirthSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('canonicalises language tags and currency codes', () => {
    expect(languageTagSchema.parse('en-gb')).toBe('en-GB');
    expect(languageTagSchema.parse('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(languageTagSchema.safeParse('english').success).toBe(false);
    expect(currencyCodeSchema.parse('eur')).toBe('EUR');
    expect(currencyCodeSchema.safeParse('ABC').success).toBe(false);
  });
});
