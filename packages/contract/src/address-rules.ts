/** ISO 3166-1 alpha-2: every officially assigned code (249). */
const COUNTRY_CODES = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
  BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
  ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
  IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
  NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
  SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
  VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);

export const isCountryCode = (code: string) => COUNTRY_CODES.has(code);

interface RegionRule {
  codes: ReadonlySet<string>;
  /** What the codes are, for the error message. */
  label: string;
}

/** Where a carrier cannot deliver without it, the region is one of a fixed list of codes. */
export const REGION_RULES: Readonly<Record<string, RegionRule>> = {
  // The 50 states, DC, the inhabited territories and the armed-forces "states" (AA, AE, AP).
  US: {
    codes: new Set(
      `AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
      ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI AA AE AP`.split(/\s+/),
    ),
    label: 'state code such as NY',
  },
  CA: {
    codes: new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ')),
    label: 'province code such as ON',
  },
};

interface PostalRule {
  /** Tested against the code upper-cased with spaces removed. */
  pattern: RegExp;
  example: string;
  /** The stored form, from the compact one. */
  format?: (compact: string) => string;
}

/** The last three characters are the inward code in GB and the LDU in CA, written after a space. */
const spaceBeforeLastThree = (compact: string) => `${compact.slice(0, -3)} ${compact.slice(-3)}`;

const POSTAL_RULES: Readonly<Record<string, PostalRule>> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '12345 or 12345-6789' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  GB: {
    pattern:
      /^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?|[0-9][A-HJKPS-UW])[0-9][ABD-HJLNP-UW-Z]{2})$/,
    example: 'SW1A 1AA',
    format: spaceBeforeLastThree,
  },
  // Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter.
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/,
    example: 'K1A 0B1',
    format: spaceBeforeLastThree,
  },
};

/** Countries without a rule of their own: letters, digits, inner spaces and hyphens. */
const GENERIC_POSTAL_CODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,10}[A-Z0-9])?$/;

/** The canonical postal code for `country`, or `undefined` when it has the wrong shape. */
export function normalisePostalCode(country: string, postalCode: string): string | undefined {
  const rule = POSTAL_RULES[country];
  const upper = postalCode.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!rule) return GENERIC_POSTAL_CODE.test(upper) ? upper : undefined;
  const compact = upper.replaceAll(' ', '');
  if (!rule.pattern.test(compact)) return undefined;
  return rule.format ? rule.format(compact) : compact;
}

export const postalCodeExample = (country: string) => POSTAL_RULES[country]?.example;
