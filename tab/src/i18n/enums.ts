import type { activityTypes, ClientUpdate, contactMethod, leadStatuses, relationshipTypes, dealStatuses } from '../../../api/src/contract/index.js';
import type { MessageKey } from './en.js';

/**
 * The message for each value of the API's enums. Typed by the contract's own lists, so a value
 * added on the server is a type error here until it has a label in every language.
 */
type LabelsOf<T extends readonly string[]> = Record<T[number], MessageKey>;

export const relationshipLabels: LabelsOf<typeof relationshipTypes> = {
  prospect: 'relProspect',
  customer: 'relCustomer',
  partner: 'relPartner',
  supplier: 'relSupplier',
  competitor: 'relCompetitor',
  other: 'relOther',
};

export type RelationshipType = keyof typeof relationshipLabels;

export const activityLabels: LabelsOf<typeof activityTypes> = {
  note: 'actNote',
  call: 'actCall',
  task: 'actTask',
  meeting: 'actMeeting',
  email: 'actEmail',
  system: 'actSystem',
};

export const dealStatusLabels: LabelsOf<typeof dealStatuses> = { open: 'statusOpen', won: 'statusWon', lost: 'statusLost' };

export const leadStatusLabels: LabelsOf<typeof leadStatuses> = { open: 'leadOpen', converted: 'converted', disqualified: 'leadDisqualified' };

export const contactMethodLabels: Record<(typeof contactMethod)['options'][number], MessageKey> = {
  email: 'methodEmail',
  phone: 'methodPhone',
  teams: 'methodTeams',
  post: 'methodPost',
  visit: 'methodVisit',
};

/** Labels of the client fields the change history names (other fields show their API name). */
export const clientFieldLabels: Partial<Record<keyof ClientUpdate, MessageKey>> = {
  kind: 'kind',
  name: 'name',
  companyId: 'companyId',
  vatId: 'vatId',
  country: 'country',
  industry: 'industry',
  relationshipType: 'relationshipType',
  parentId: 'parentClient',
  ownerId: 'owner',
  primaryContactId: 'primaryContact',
  description: 'description',
  website: 'website',
  email: 'email',
  phone: 'phone',
  creditLimit: 'creditLimit',
  paymentTermsDays: 'paymentTerms',
  preferredContactMethods: 'contactPreferences',
  tags: 'tags',
  addresses: 'addresses',
};
