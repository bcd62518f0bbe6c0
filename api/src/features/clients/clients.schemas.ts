import { z } from 'zod';
import { contactPreferences, country, email, money, optionalText, pageOf, phone, recordMeta, shortText, uuid } from '../../contract/primitives.js';

export const clientKinds = ['company', 'person'] as const;
export const relationshipTypes = ['prospect', 'customer', 'partner', 'supplier', 'competitor', 'other'] as const;
export const addressTypes = ['registered', 'contact', 'delivery'] as const;

export const addressInput = z.strictObject({
  type: z.enum(addressTypes),
  label: optionalText(100),
  street: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
  country: country.nullable().optional(),
});

const tag = z.string().trim().min(1).max(50);

const clientFields = {
  kind: z.enum(clientKinds),
  name: shortText(200),
  companyId: z.string().trim().max(20).regex(/^[A-Za-z0-9 ./-]*$/, 'Letters, digits, spaces . / - only').nullable().optional(),
  vatId: z.string().trim().max(20).regex(/^[A-Za-z0-9 ./-]*$/, 'Letters, digits, spaces . / - only').nullable().optional(),
  vatPayer: z.boolean().nullable().optional(),
  country: country.nullable().optional(),
  industry: optionalText(100),
  relationshipType: z.enum(relationshipTypes).nullable().optional(),
  parentId: uuid.nullable().optional(),
  ownerId: uuid.nullable().optional(),
  primaryContactId: uuid.nullable().optional(),
  description: optionalText(4000),
  website: z.string().trim().max(300).pipe(z.url({ protocol: /^https?$/, message: 'Must be an http(s) address' })).nullable().optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  creditLimit: money.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).nullable().optional(),
  preferredContactMethods: contactPreferences.optional(),
  doNotContact: z.boolean().optional(),
  tags: z.array(tag).max(30).optional(),
  addresses: z.array(addressInput).max(20).optional(),
};

export const clientCreate = z.strictObject(clientFields).meta({ id: 'ClientCreate' });
export type ClientCreate = z.infer<typeof clientCreate>;

export const clientUpdate = z.strictObject(clientFields).partial().meta({ id: 'ClientUpdate' });
export type ClientUpdate = z.infer<typeof clientUpdate>;

export const address = addressInput.extend({ id: uuid }).meta({ id: 'Address' });

export const client = z
  .object({
    id: uuid,
    kind: z.enum(clientKinds),
    name: z.string(),
    companyId: z.string().nullable(),
    vatId: z.string().nullable(),
    vatPayer: z.boolean().nullable(),
    country: z.string().nullable(),
    industry: z.string().nullable(),
    relationshipType: z.enum(relationshipTypes).nullable(),
    parentId: uuid.nullable(),
    ownerId: uuid.nullable(),
    primaryContactId: uuid.nullable(),
    description: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    creditLimit: money.nullable(),
    paymentTermsDays: z.number().int().nullable(),
    preferredContactMethods: contactPreferences,
    doNotContact: z.boolean(),
    tags: z.array(z.string()),
    addresses: z.array(address),
    ...recordMeta,
  })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof client>;

export const clientListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(clientKinds).optional(),
  relationshipType: z.enum(relationshipTypes).optional(),
  industry: z.string().trim().max(100).optional(),
  ownerId: uuid.optional(),
  tag: z.string().trim().max(50).optional(),
  parentId: uuid.optional(),
  country: country.optional(),
  sort: z.enum(['name', 'updated']).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ClientListQuery = z.infer<typeof clientListQuery>;

export const clientPage = pageOf(client, 'ClientPage');
