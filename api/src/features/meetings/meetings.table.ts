import type { Flag, RecordColumns } from '../../db/columns.js';

export interface MeetingsTable extends RecordColumns {
  client_id: string;
  deal_id: string | null;
  subject: string;
  body: string | null;
  /** UTC instants, ISO 8601. */
  start_at: string;
  end_at: string;
  /** The organizer's time zone (IANA), for display and the .ics file. */
  time_zone: string;
  /** JSON array of { email, name, contactId, userId }. */
  attendees: string;
  online: Flag;
  status: 'scheduled' | 'cancelled';
  /** 'graph': an Outlook event (Microsoft 365 mode); 'local': kept in the CRM only (embedded mode). */
  provider: 'graph' | 'local';
  organizer_id: string;
  /** The organizer's Entra object id: background sync reads /users/{oid}/events/{id}. */
  organizer_oid: string;
  event_id: string | null;
  ical_uid: string | null;
  join_url: string | null;
  web_link: string | null;
  /** The meeting's entry on the client's timeline. */
  activity_id: string | null;
  synced_at: string | null;
}

/** One row per tenant: which process runs that tenant's calendar sync, until when. */
export interface MeetingSyncLeasesTable extends RecordColumns {
  claimed_by: string | null;
  lease_expires: string | null;
  last_run_at: string | null;
}
