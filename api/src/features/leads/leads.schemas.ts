import { z } from 'zod';
import { email, money, optionalText, pageOf, phone, recordMeta, shortText, uuid } from '../../contract/primitives.js';
import { dealSources } from '../deals/deals.schemas.js';

export const leadStatuses = ['open', 'converted', 'disqualified'] as const;

const leadFields = {
  companyName: optionalText(200),
  companyId: z.string().trim().max(20).regex(/^[A-Za-z0-9 ./-]*$/, 'Letters, digits, spaces . / - only').nullable().optional(),
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  topic: shortText(200),
  source: z.enum(dealSources).nullable().optional(),
  notes: optionalText(4000),
  ownerId: uuid.nullable().optional(),
};

export const leadCreate = z
  .strictObject(leadFields)
  .refine((l) => l.companyName || l.lastName, { message: 'A lead needs a company name or a person’s last name', path: ['companyName'] })
  .meta({ id: 'LeadCreate' });
export type LeadCreate = z.infer<typeof leadCreate>;

export const leadUpdate = z.strictObject(leadFields).partial().meta({ id: 'LeadUpdate' });
export type LeadUpdate = z.infer<typeof leadUpdate>;

export const lead = z
  .object({
    id: uuid,
    companyName: z.string().nullable(),
    companyId: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    topic: z.string(),
    source: z.enum(dealSources).nullable(),
    notes: z.string().nullable(),
    status: z.enum(leadStatuses),
    ownerId: uuid.nullable(),
    disqualifyReason: z.string().nullable(),
    convertedClientId: uuid.nullable(),
    convertedContactId: uuid.nullable(),
    convertedDealId: uuid.nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof lead>;

export const leadListQuery = z.strictObject({
  status: z.enum(leadStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const leadPage = pageOf(lead, 'LeadPage');

/** Converting: link an existing client (offered by `GET /leads/{id}/matches`) or create one. */
export const leadConvert = z
  .strictObject({
    clientId: uuid.optional(),
    dealTitle: shortText(200).optional(),
    estimatedValue: money.optional(),
  })
  .meta({ id: 'LeadConvert' });
export type LeadConvert = z.infer<typeof leadConvert>;

export const leadConversion = z.object({ clientId: uuid, contactId: uuid.nullable(), dealId: uuid }).meta({ id: 'LeadConversion' });
export const leadDisqualify = z.strictObject({ reason: shortText(500) }).meta({ id: 'LeadDisqualify' });
