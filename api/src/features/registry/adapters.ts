import { z } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '../../http/errors.js';
import { jsonOf, registryFetch, RegistryUnavailable } from './registry-http.js';
import { euVatNumber } from './checksums.js';
import type { RegistryRecord } from './registry.schemas.js';

/**
 * One small adapter per registry: call its public REST API, check the answer with a schema
 * (a malformed answer is logged and rejected, never half-applied), map it to RegistryRecord.
 * Field facts come from ../shared/registries.md.
 */
export interface RegistryUrls {
  ares: string;
  plVat: string;
  anaf: string;
  vies: string;
  timeoutMs: number;
}

const notFound = (source: string) => new AppError('not-found', `${source} does not know this company id.`);
const malformed = (source: string, logger: Logger, issues: unknown) => {
  logger.warn({ source, issues }, 'registry answer rejected by its schema');
  return new RegistryUnavailable(source, 'an answer we could not read');
};
const blank = (v: string | null | undefined) => (v && v.trim() && v.trim() !== '---' ? v.trim() : null);
const now = () => new Date().toISOString();

const aresSubject = z.object({
  ico: z.string(),
  obchodniJmeno: z.string().min(1),
  pravniForma: z.string().optional(),
  datumVzniku: z.string().optional(),
  datumZaniku: z.string().optional(),
  dic: z.string().optional(),
  dicSkDph: z.string().optional(),
  sidlo: z
    .object({
      kodStatu: z.string().optional(),
      nazevObce: z.string().optional(),
      nazevUlice: z.string().optional(),
      nazevCastiObce: z.string().optional(),
      cisloDomovni: z.number().optional(),
      cisloOrientacni: z.number().optional(),
      cisloOrientacniPismeno: z.string().optional(),
      psc: z.number().optional(),
    })
    .optional(),
  seznamRegistraci: z.record(z.string(), z.string()).optional(),
});

export async function ares(urls: RegistryUrls, logger: Logger, ico: string): Promise<RegistryRecord> {
  const res = await registryFetch('ARES', `${urls.ares}/ekonomicke-subjekty/${ico}`, { headers: { accept: 'application/json' } }, urls.timeoutMs);
  const body = await jsonOf('ARES', res);
  if (res.status === 404 && typeof body === 'object' && body && 'kod' in body) throw notFound('ARES');
  if (!res.ok) throw new RegistryUnavailable('ARES', `status ${res.status}`);
  const parsed = aresSubject.safeParse(body);
  if (!parsed.success) throw malformed('ARES', logger, parsed.error.issues);
  const s = parsed.data;
  const seat = s.sidlo ?? {};
  const number = [seat.cisloDomovni, seat.cisloOrientacni ? `${seat.cisloOrientacni}${seat.cisloOrientacniPismeno ?? ''}` : undefined].filter(Boolean).join('/');
  const registers = s.seznamRegistraci ?? {};
  const vatState = registers.stavZdrojeDph;
  return {
    country: 'CZ',
    companyId: s.ico,
    vatId: s.dic ?? null,
    // A VAT-group member shows no DIČ of its own: unknown, not a non-payer.
    vatPayer: vatState === 'AKTIVNI' ? true : s.dicSkDph ? null : vatState ? false : null,
    name: s.obchodniJmeno,
    legalForm: s.pravniForma ?? null,
    registeredAddress: {
      street: [seat.nazevUlice ?? seat.nazevCastiObce, number].filter(Boolean).join(' ') || null,
      city: seat.nazevObce ?? null,
      postalCode: seat.psc ? `${String(seat.psc).slice(0, 3)} ${String(seat.psc).slice(3)}` : null,
      country: 'CZ',
    },
    establishedOn: s.datumVzniku ?? null,
    dissolved: Boolean(s.datumZaniku),
    unreliableVatPayer: null,
    tradeRegisterNumber: null,
    bankAccounts: [],
    source: 'ARES',
    fetchedAt: now(),
    raw: body,
  };
}

const plAnswer = z.object({
  result: z.object({
    subject: z
      .object({
        name: z.string().min(1),
        nip: z.string(),
        regon: z.string().nullable().optional(),
        krs: z.string().nullable().optional(),
        statusVat: z.string().nullable().optional(),
        residenceAddress: z.string().nullable().optional(),
        workingAddress: z.string().nullable().optional(),
        accountNumbers: z.array(z.string()).optional(),
        registrationLegalDate: z.string().nullable().optional(),
        removalDate: z.string().nullable().optional(),
      })
      .nullable(),
    requestId: z.string().optional(),
  }),
});

/** "ul. Piotrkowska 142, 90-062 Łódź" → street, postal code, city. */
function plAddress(line: string | null | undefined) {
  const m = line ? /^(.*?),\s*(\d{2}-\d{3})\s+(.+)$/.exec(line) : null;
  return m ? { street: m[1]!, postalCode: m[2]!, city: m[3]! } : { street: blank(line), postalCode: null, city: null };
}

export async function plVat(urls: RegistryUrls, logger: Logger, nip: string, date = new Date().toISOString().slice(0, 10)): Promise<RegistryRecord> {
  const res = await registryFetch('PL VAT white list', `${urls.plVat}/api/search/nip/${nip}?date=${date}`, { headers: { accept: 'application/json' } }, urls.timeoutMs);
  const body = await jsonOf('PL VAT white list', res);
  if (!res.ok) throw new RegistryUnavailable('PL VAT white list', `status ${res.status}`);
  const parsed = plAnswer.safeParse(body);
  if (!parsed.success) throw malformed('PL VAT white list', logger, parsed.error.issues);
  const s = parsed.data.result.subject;
  if (!s) throw notFound('The PL VAT white list');
  const status = (s.statusVat ?? '').toLowerCase();
  return {
    country: 'PL',
    companyId: s.nip,
    vatId: `PL${s.nip}`,
    vatPayer: status.startsWith('czynn') ? true : status ? false : null,
    name: s.name,
    legalForm: null,
    registeredAddress: { ...plAddress(s.residenceAddress ?? s.workingAddress), country: 'PL' },
    establishedOn: s.registrationLegalDate ?? null,
    dissolved: Boolean(s.removalDate),
    unreliableVatPayer: null,
    tradeRegisterNumber: s.krs ?? null,
    bankAccounts: s.accountNumbers ?? [],
    source: 'PL VAT white list',
    fetchedAt: now(),
    raw: body,
  };
}

const anafItem = z.object({
  date_generale: z.object({ cui: z.number(), denumire: z.string().min(1), adresa: z.string().optional(), nrRegCom: z.string().optional(), stare_inregistrare: z.string().optional(), data_inregistrare: z.string().optional() }),
  inregistrare_scop_Tva: z.object({ scpTVA: z.boolean() }).optional(),
  stare_inactiv: z.object({ statusInactivi: z.boolean().optional() }).optional(),
  adresa_sediu_social: z.object({ sdenumire_Strada: z.string().optional(), snumar_Strada: z.string().optional(), sdenumire_Localitate: z.string().optional(), scod_Postal: z.string().optional() }).optional(),
});
const anafAnswer = z.object({ found: z.array(anafItem).default([]), notFound: z.array(z.union([z.number(), z.string()])).default([]) });

export async function anaf(urls: RegistryUrls, logger: Logger, cui: string, date = new Date().toISOString().slice(0, 10)): Promise<RegistryRecord> {
  const res = await registryFetch('ANAF', `${urls.anaf}/api/PlatitorTvaRest/v9/tva`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ cui: Number(cui), data: date }]) }, urls.timeoutMs);
  const body = await jsonOf('ANAF', res);
  if (!res.ok) throw new RegistryUnavailable('ANAF', `status ${res.status}`);
  const parsed = anafAnswer.safeParse(body);
  if (!parsed.success) throw malformed('ANAF', logger, parsed.error.issues);
  const item = parsed.data.found[0];
  if (!item) throw notFound('ANAF');
  const g = item.date_generale;
  const a = item.adresa_sediu_social ?? {};
  return {
    country: 'RO',
    companyId: String(g.cui),
    vatId: item.inregistrare_scop_Tva?.scpTVA ? `RO${g.cui}` : null,
    vatPayer: item.inregistrare_scop_Tva?.scpTVA ?? null,
    name: g.denumire,
    legalForm: null,
    registeredAddress: {
      street: [blank(a.sdenumire_Strada), blank(a.snumar_Strada)].filter(Boolean).join(' ') || blank(g.adresa),
      city: blank(a.sdenumire_Localitate),
      postalCode: blank(a.scod_Postal),
      country: 'RO',
    },
    establishedOn: blank(g.data_inregistrare),
    dissolved: /radiat/i.test(g.stare_inregistrare ?? ''),
    unreliableVatPayer: item.stare_inactiv?.statusInactivi ?? null,
    tradeRegisterNumber: blank(g.nrRegCom),
    bankAccounts: [],
    source: 'ANAF',
    fetchedAt: now(),
    raw: body,
  };
}

const viesAnswer = z.union([
  z.object({ valid: z.boolean(), name: z.string().nullable().optional(), address: z.string().nullable().optional(), countryCode: z.string().optional(), vatNumber: z.string().optional() }),
  z.object({ actionSucceed: z.literal(false), errorWrappers: z.array(z.object({ error: z.string() })) }),
]);

export async function vies(urls: RegistryUrls, logger: Logger, country: string, vatId: string): Promise<RegistryRecord> {
  const number = euVatNumber(country, vatId);
  const res = await registryFetch('VIES', `${urls.vies}/check-vat-number`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ countryCode: country, vatNumber: number }) }, urls.timeoutMs);
  const body = await jsonOf('VIES', res);
  if (!res.ok) throw new RegistryUnavailable('VIES', `status ${res.status}`);
  const parsed = viesAnswer.safeParse(body);
  if (!parsed.success) throw malformed('VIES', logger, parsed.error.issues);
  if ('actionSucceed' in parsed.data) {
    const code = parsed.data.errorWrappers[0]?.error ?? 'UNKNOWN';
    if (code === 'INVALID_INPUT') throw new AppError('unprocessable', 'VIES says this VAT number is not well formed.', [{ path: 'companyId', message: 'Invalid VAT number' }]);
    throw new RegistryUnavailable('VIES', code);
  }
  if (!parsed.data.valid) throw notFound('VIES');
  const lines = (blank(parsed.data.address) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    country,
    companyId: null,
    vatId: `${country}${number}`,
    vatPayer: true,
    name: blank(parsed.data.name) ?? `${country}${number}`,
    legalForm: null,
    registeredAddress: { street: lines[0] ?? null, city: lines.slice(1).join(', ') || null, postalCode: null, country },
    establishedOn: null,
    dissolved: false,
    unreliableVatPayer: null,
    tradeRegisterNumber: null,
    bankAccounts: [],
    source: 'VIES',
    fetchedAt: now(),
    raw: body,
  };
}
