import { z } from 'zod';
import { contactPreferences, email, optionalText, pageOf, phone, recordMeta, shortText, uuid } from '../../contract/primitives.js';

const contactFields = {
  firstName: shortText(100),
  lastName: shortText(100),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  mobile: phone.nullable().optional(),
  jobTitle: optionalText(100),
  isPrimary: z.boolean().optional(),
  preferredContactMethods: contactPreferences.optional(),
  doNotContact: z.boolean().optional(),
  notes: optionalText(4000),
};

export const contactCreate = z.strictObject({ clientId: uuid, ...contactFields }).meta({ id: 'ContactCreate' });
export type ContactCreate = z.infer<typeof contactCreate>;

/** Creating under `/clients/{id}/contacts`: the client comes from the path. */
export const contactCreateForClient = z.strictObject(contactFields);

export const contactUpdate = z.strictObject(contactFields).partial().meta({ id: 'ContactUpdate' });
export type ContactUpdate = z.infer<typeof contactUpdate>;

export const contact = z
  .object({
    id: uuid,
    clientId: uuid,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    jobTitle: z.string().nullable(),
    isPrimary: z.boolean(),
    preferredContactMethods: contactPreferences,
    doNotContact: z.boolean(),
    notes: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contact>;

export const contactListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  clientId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactPage = pageOf(contact, 'ContactPage');
