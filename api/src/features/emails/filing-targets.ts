import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { findClient } from '../clients/clients.repository.js';
import { findContact } from '../contacts/contacts.repository.js';
import type { EmailFile } from './emails.schemas.js';

/** Where an email or a filing choice points; the same fields in both requests. */
export type FilingTargets = Pick<EmailFile, 'clientId' | 'dealId' | 'contactIds'>;

/** The client must be the caller tenant's, and the deal and contacts that client's: else 422. */
export async function checkFilingTargets(scope: TenantScope, input: FilingTargets): Promise<void> {
  const errors: FieldError[] = [];
  const client = await findClient(scope, input.clientId);
  if (!client) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
  if (input.dealId) {
    const deal = await scope.selectFrom('deals').select('client_id').where('id', '=', input.dealId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!deal || deal.client_id !== client.id) errors.push({ path: 'dealId', message: 'Must be a deal of this client' });
  }
  for (const [i, id] of input.contactIds.entries()) {
    const contact = await findContact(scope, id);
    if (!contact || contact.client_id !== client.id) errors.push({ path: `contactIds.${i}`, message: 'Must be a contact of this client' });
  }
  if (errors.length) throw new AppError('unprocessable', 'The email cannot be filed there.', errors);
}
