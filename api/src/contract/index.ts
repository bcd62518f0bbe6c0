/**
 * The API contract for the front ends (tab, Outlook add-in) and the bot: zod schemas and the
 * types inferred from them. Import from here, never redeclare a request or response shape.
 */
export * from './primitives.js';
export * from '../features/clients/clients.schemas.js';
export * from '../features/contacts/contacts.schemas.js';
export * from '../features/search/search.schemas.js';
export * from '../features/history/history.schemas.js';
export * from '../features/users/users.schemas.js';
export * from '../features/stages/stages.schemas.js';
export * from '../features/deals/deals.schemas.js';
export * from '../features/leads/leads.schemas.js';
export * from '../features/activities/activities.schemas.js';
export * from '../features/reports/reports.schemas.js';
export * from '../features/documents/documents.schemas.js';
export * from '../features/meetings/meetings.schemas.js';
export * from './responses.js';
export * from '../features/emails/emails.schemas.js';
export * from '../features/registry/registry.schemas.js';
