import { z } from 'zod';

export const registryCountries = ['cz', 'pl', 'ro', 'eu'] as const;

/** One shape for every registry's answer. */
export const registryRecord = z
  .object({
    country: z.string(),
    companyId: z.string().nullable(),
    vatId: z.string().nullable(),
    vatPayer: z.boolean().nullable(),
    name: z.string(),
    legalForm: z.string().nullable(),
    registeredAddress: z.object({ street: z.string().nullable(), city: z.string().nullable(), postalCode: z.string().nullable(), country: z.string() }),
    establishedOn: z.string().nullable(),
    dissolved: z.boolean(),
    unreliableVatPayer: z.boolean().nullable(),
    tradeRegisterNumber: z.string().nullable(),
    bankAccounts: z.array(z.string()),
    source: z.enum(['ARES', 'PL VAT white list', 'ANAF', 'VIES']),
    fetchedAt: z.string(),
    raw: z.unknown(),
  })
  .meta({ id: 'RegistryRecord' });
export type RegistryRecord = z.infer<typeof registryRecord>;

export const registryParams = z.strictObject({
  country: z.enum(registryCountries, { message: 'One of cz, pl, ro, eu' }),
  companyId: z.string().trim().min(2).max(20),
});

/** For `eu`, the member state comes first: `/registry/eu/CZ27182819`. */
export const registryRefresh = z.strictObject({ registry: z.enum(registryCountries).optional() }).meta({ id: 'RegistryRefresh' });
