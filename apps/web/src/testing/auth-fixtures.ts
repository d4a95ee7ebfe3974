import type { Address, Profile, Session } from '@securecart/contract';

/** Passes every password rule. */
export const GOOD_PASSWORD = 'Velvet-Harbor-93';
export const TOTP_CODE = '123456';
export const RECOVERY_CODES = Array.from(
  { length: 10 },
  (_, index) => `k7q2m-${String(index).padStart(5, '0')}`,
);

export const makeProfile = (overrides: Partial<Profile> = {}): Profile => ({
  id: '00000000-0000-4000-8000-00000000a0a0',
  email: 'ada@example.test',
  name: 'Ada Lovelace',
  phone: null,
  dateOfBirth: null,
  role: 'customer',
  emailVerified: true,
  mfaEnabled: false,
  preferences: { language: 'en', currency: 'USD', marketingEmails: false },
  ...overrides,
});

export const makeAddress = (overrides: Partial<Address> = {}): Address => ({
  id: '00000000-0000-4000-8000-0000000ad001',
  name: 'Ada Lovelace',
  line1: '12 St James Square',
  line2: null,
  city: 'London',
  region: '',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  phone: null,
  isDefault: true,
  ...overrides,
});

export const makeSession = (overrides: Partial<Session> = {}): Session => ({
  id: '00000000-0000-4000-8000-000000005e51',
  createdAt: '2026-03-01T09:00:00.000Z',
  lastUsedAt: '2026-03-02T10:30:00.000Z',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  ip: '203.0.113.7',
  current: false,
  ...overrides,
});
