/** An iCalendar (RFC 5545) file for one meeting, in UTC so no VTIMEZONE block is needed. */
export interface IcsMeeting {
  uid: string;
  sequence: number;
  subject: string;
  description: string | null;
  start: string;
  end: string;
  createdAt: string;
  cancelled: boolean;
  joinUrl: string | null;
  organizer: { name: string; email: string | null };
  attendees: { email: string; name: string | null }[];
}

const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const param = (s: string) => `"${s.replace(/"/g, "'")}"`;

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1), never splitting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function icsFor(m: IcsMeeting, now = new Date().toISOString()): string {
  const description = [m.description, m.joinUrl ? `Join the Teams meeting: ${m.joinUrl}` : null].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CRM for Microsoft 365//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${text(m.uid)}`,
    `SEQUENCE:${m.sequence}`,
    `DTSTAMP:${stamp(now)}`,
    `CREATED:${stamp(m.createdAt)}`,
    `DTSTART:${stamp(m.start)}`,
    `DTEND:${stamp(m.end)}`,
    `SUMMARY:${text(m.subject)}`,
    ...(description ? [`DESCRIPTION:${text(description)}`] : []),
    ...(m.joinUrl ? [`LOCATION:${text('Microsoft Teams meeting')}`, `URL:${m.joinUrl}`] : []),
    ...(m.organizer.email ? [`ORGANIZER;CN=${param(m.organizer.name)}:mailto:${m.organizer.email}`] : []),
    ...m.attendees.map((a) => `ATTENDEE;CN=${param(a.name ?? a.email)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${a.email}`),
    `STATUS:${m.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
