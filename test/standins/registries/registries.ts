import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One loopback server standing in for ARES, the PL VAT white list, ANAF and VIES, answering
 * in their JSON shapes with invented companies. `mode` makes it misbehave: slow, 5xx,
 * malformed. It counts the calls it gets, so tests can prove a bad id called nobody.
 */
export type Mode = 'ok' | 'slow' | 'error' | 'malformed';

const ares: Record<string, unknown> = {
  '27182819': {
    ico: '27182819', obchodniJmeno: 'Dvořák & syn s.r.o.', pravniForma: '112', datumVzniku: '2009-03-02', dic: 'CZ27182819',
    sidlo: { kodStatu: 'CZ', nazevObce: 'Brno', nazevUlice: 'Křenová', cisloDomovni: 1127, cisloOrientacni: 58, psc: 60200 },
    seznamRegistraci: { stavZdrojeVr: 'AKTIVNI', stavZdrojeDph: 'AKTIVNI' },
  },
  '26141591': {
    ico: '26141591', obchodniJmeno: 'Strojírny Vysočina a.s. <script>alert(1)</script>', pravniForma: '121', datumVzniku: '2001-06-14', datumZaniku: '2026-01-31',
    sidlo: { kodStatu: 'CZ', nazevObce: 'Jihlava', nazevUlice: 'Havlíčkova', cisloDomovni: 4513, cisloOrientacni: 110, psc: 58601 },
    seznamRegistraci: { stavZdrojeDph: 'NEEXISTUJICI' },
  },
};
const pl: Record<string, unknown> = {
  '5250012343': { name: 'ŁÓDZKIE ZAKŁADY WŁÓKIENNICZE SPÓŁKA Z O.O.', nip: '5250012343', regon: '100000001', krs: '0000123456', statusVat: 'Czynny', residenceAddress: 'UL. PIOTRKOWSKA 142, 90-062 ŁÓDŹ', workingAddress: null, accountNumbers: ['61109010140000071219812874'], registrationLegalDate: '2004-05-01', removalDate: null },
};
const ro: Record<string, unknown> = {
  '14567898': {
    date_generale: { cui: 14567898, denumire: 'ȘTEFĂNESCU LOGISTICĂ SRL', adresa: 'MUN. CLUJ-NAPOCA, STR. MEMORANDUMULUI, NR.28', nrRegCom: 'J12/1234/2002', stare_inregistrare: 'INREGISTRAT', data_inregistrare: '2002-04-10' },
    inregistrare_scop_Tva: { scpTVA: true },
    stare_inactiv: { statusInactivi: false },
    adresa_sediu_social: { sdenumire_Strada: 'Str. Memorandumului', snumar_Strada: '28', sdenumire_Localitate: 'Mun. Cluj-Napoca', scod_Postal: '400114' },
  },
};
const viesKnown: Record<string, { name: string; address: string }> = { DE123456789: { name: 'Muster Handels GmbH', address: 'Hauptstr. 1\n10115 Berlin' } };

export async function startRegistries() {
  const state = { mode: 'ok' as Mode, calls: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      state.calls++;
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
      if (state.mode === 'slow') return void setTimeout(() => send(200, {}), 1500);
      if (state.mode === 'error') return send(503, { error: 'Service Unavailable' });
      if (state.mode === 'malformed') return send(200, '{"obchodniJmeno": 42, "result": "nope"');
      const url = new URL(req.url ?? '/', 'http://x');
      let m: RegExpExecArray | null;
      if ((m = /^\/ares\/ekonomicke-subjekty\/(\d{8})$/.exec(url.pathname))) {
        return ares[m[1]!] ? send(200, ares[m[1]!]) : send(404, { kod: 'NENALEZENO', popis: 'Ekonomický subjekt nebyl nalezen.' });
      }
      if ((m = /^\/pl\/api\/search\/nip\/(\d{10})$/.exec(url.pathname))) {
        return send(200, { result: { subject: pl[m[1]!] ?? null, requestId: 'abc-123', requestDateTime: '24-11-2026 21:00:00' } });
      }
      if (url.pathname === '/anaf/api/PlatitorTvaRest/v9/tva' && req.method === 'POST') {
        const asked = (JSON.parse(raw) as { cui: number }[]).map((x) => String(x.cui));
        return send(200, { cod: 200, message: 'SUCCESS', found: asked.filter((c) => ro[c]).map((c) => ro[c]), notFound: asked.filter((c) => !ro[c]).map(Number) });
      }
      if (url.pathname === '/vies/check-vat-number' && req.method === 'POST') {
        const { countryCode, vatNumber } = JSON.parse(raw) as { countryCode: string; vatNumber: string };
        const known = viesKnown[`${countryCode}${vatNumber}`];
        return send(200, known ? { countryCode, vatNumber, valid: true, ...known } : { countryCode, vatNumber, valid: false, name: '---', address: '---' });
      }
      send(404, { status: 404, error: 'Not Found', path: url.pathname });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    env: { ARES_BASE_URL: `${base}/ares`, PL_VAT_BASE_URL: `${base}/pl`, ANAF_BASE_URL: `${base}/anaf`, VIES_BASE_URL: `${base}/vies`, REGISTRY_TIMEOUT_MS: '500' },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
