/** Countries the shop ships to (the built-in tax table); the address book offers these. */
export const COUNTRIES = [
  {
    code: 'US',
    name: 'United States',
    region: 'State',
    regionRequired: true,
    postal: 'ZIP code',
    example: '12345',
  },
  {
    code: 'CA',
    name: 'Canada',
    region: 'Province',
    regionRequired: true,
    postal: 'Postal code',
    example: 'K1A 0B1',
  },
  {
    code: 'GB',
    name: 'United Kingdom',
    region: 'County',
    regionRequired: false,
    postal: 'Postcode',
    example: 'SW1A 1AA',
  },
  {
    code: 'DE',
    name: 'Germany',
    region: 'State',
    regionRequired: false,
    postal: 'Postal code',
    example: '10115',
  },
  {
    code: 'FR',
    name: 'France',
    region: 'Region',
    regionRequired: false,
    postal: 'Postal code',
    example: '75001',
  },
] as const;

export type CountryCode = (typeof COUNTRIES)[number]['code'];

export const countryOf = (code: string) => COUNTRIES.find((country) => country.code === code);

export const countryName = (code: string) => countryOf(code)?.name ?? code;
