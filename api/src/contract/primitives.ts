import { z } from 'zod';

/**
 * Field types shared by every resource. This folder is the contract the tab, the add-in and
 * the bot import: zod only, nothing server-side.
 */
export const uuid = z.uuid({ message: 'Must be a UUID' });

const isoCountries = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** ISO 3166-1 alpha-2, upper case. */
export const country = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => isoCountries.has(s), { message: 'Must be an ISO 3166-1 alpha-2 country code' });

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));
/** ISO 4217, upper case. */
export const currency = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => isoCurrencies.has(s), { message: 'Must be an ISO 4217 currency code' });

/** Money in minor units (haléře, grosze, bani …) plus currency. */
export const money = z
  .strictObject({
    amountMinor: z.number().int('Must be a whole number of minor units').min(0, 'Must not be negative').max(1e15),
    currency,
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof money>;

export const email = z.string().trim().max(254).pipe(z.email({ message: 'Must be an email address' })).transform((s) => s.toLowerCase());

/** Accepted as typed; the server normalizes to E.164 with the record's country as the default region. */
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()./-]{3,40}$/, 'Must be a phone number: digits, spaces, + ( ) . / -');

export const shortText = (max: number) => z.string().trim().min(1, 'Must not be empty').max(max, `At most ${max} characters`);
export const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).nullable().optional();

export const contactMethod = z.enum(['email', 'phone', 'teams', 'post', 'visit']);
export const contactPreferences = z.array(contactMethod).max(5);

/** Audit fields every record returns. */
export const recordMeta = {
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
};

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
