import { z } from 'zod';
import { uuid } from '../../contract/primitives.js';

const address = z.strictObject({ name: z.string().trim().max(200).nullable().optional(), email: z.string().trim().max(254).pipe(z.email({ message: 'Must be an email address' })) });

export const emailAttachment = z.strictObject({
  name: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(200),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Must be base64'),
});

export const emailFile = z
  .strictObject({
    internetMessageId: z.string().trim().min(3).max(500).regex(/^<?[^\s<>]+@[^\s<>]+>?$/, 'Must be an internet message id like <id@host>'),
    conversationId: z.string().trim().max(500).nullable().optional(),
    subject: z.string().max(500).default(''),
    from: address,
    to: z.array(address).max(500).default([]),
    cc: z.array(address).max(500).default([]),
    sentAt: z.iso.datetime({ offset: true, message: 'Must be a date and time, ISO 8601' }),
    bodyHtml: z.string().max(5_000_000).default(''),
    clientId: uuid,
    dealId: uuid.nullable().optional(),
    contactIds: z.array(uuid).max(50).default([]),
    attachments: z.array(emailAttachment).max(20).default([]),
    /** Set when filing a sent message its author chose a client for while writing it; the choice is used up. */
    intentId: uuid.optional(),
  })
  .meta({ id: 'EmailFile' });
export type EmailFile = z.infer<typeof emailFile>;

export const emailLink = z.object({ clientId: uuid, clientName: z.string(), dealId: uuid.nullable(), contactId: uuid.nullable(), filedBy: z.string().nullable(), filedAt: z.string() });

export const filedEmail = z
  .object({
    id: uuid,
    internetMessageId: z.string(),
    conversationId: z.string().nullable(),
    subject: z.string(),
    from: z.object({ name: z.string().nullable(), email: z.string() }),
    to: z.array(z.object({ name: z.string().nullable().optional(), email: z.string() })),
    cc: z.array(z.object({ name: z.string().nullable().optional(), email: z.string() })),
    sentAt: z.string(),
    bodyHtml: z.string(),
    bodyText: z.string(),
    links: z.array(emailLink),
    documentIds: z.array(uuid),
    /** Only in the answer to filing: attachments left out, and why. */
    skippedAttachments: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Email' });
export type Email = z.infer<typeof filedEmail>;

export const filingIntentInput = z
  .strictObject({
    conversationId: z.string().trim().min(1).max(500),
    subject: z.string().max(500).default(''),
    clientId: uuid,
    dealId: uuid.nullable().optional(),
    contactIds: z.array(uuid).max(50).default([]),
  })
  .meta({ id: 'FilingIntentInput' });
export type FilingIntentInput = z.infer<typeof filingIntentInput>;

export const filingIntent = z
  .object({ id: uuid, conversationId: z.string(), subject: z.string(), clientId: uuid, clientName: z.string(), dealId: uuid.nullable(), contactIds: z.array(uuid), createdAt: z.string() })
  .meta({ id: 'FilingIntent' });
export type FilingIntent = z.infer<typeof filingIntent>;
export const filingIntentQuery = z.strictObject({ conversationId: z.string().trim().min(1).max(500) });

export const emailLookupQuery = z.strictObject({
  internetMessageId: z.string().trim().min(3).max(500),
  /** With these two, the answer also carries the caller's filing choice for this message, if one applies. */
  conversationId: z.string().trim().min(1).max(500).optional(),
  sentAt: z.iso.datetime({ offset: true, message: 'Must be a date and time, ISO 8601' }).optional(),
});
export type EmailLookupQuery = z.infer<typeof emailLookupQuery>;
export const emailLookup = z
  .object({ filed: z.boolean(), emailId: uuid.nullable(), links: z.array(emailLink), intent: filingIntent.nullable() })
  .meta({ id: 'EmailLookup' });
export type EmailLookup = z.infer<typeof emailLookup>;

export const emailMatchRequest = z.strictObject({ addresses: z.array(z.string().trim().max(254).pipe(z.email())).min(1).max(100) }).meta({ id: 'EmailMatchRequest' });
export const emailMatch = z
  .object({
    contacts: z.array(z.object({ id: uuid, clientId: uuid, name: z.string(), email: z.string() })),
    clients: z.array(z.object({ id: uuid, name: z.string(), matchedBy: z.enum(['contact', 'domain']) })),
  })
  .meta({ id: 'EmailMatch' });
export type EmailMatch = z.infer<typeof emailMatch>;
