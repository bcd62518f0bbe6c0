import type { DemoUser } from '../db/seed/demo-people.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The development sign-in page: pick a demo user, get a token. With `?redirect=/tab/` it sends
 * the browser back there with the token in the fragment (same origin only).
 */
export function renderDevLoginPage(users: DemoUser[]): string {
  const buttons = users
    .map(
      (u) =>
        `<li><button type="button" data-user='${escapeHtml(JSON.stringify(u))}'>${escapeHtml(u.name)}</button> <span>${escapeHtml(u.roles.join(', '))} · ${escapeHtml(u.email)}</span></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM development sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}li{margin:.5rem 0}button{font:inherit;padding:.3rem .8rem}textarea{width:100%;height:8rem}</style>
</head><body>
<h1>Development sign-in</h1>
<p>This server runs without Microsoft Entra ID. Pick a demo user to get a token; it is checked exactly as an Entra token would be.</p>
<ul>${buttons}</ul>
<label for="token">Access token</label>
<textarea id="token" readonly></textarea>
<script src="./login.js"></script>
</body></html>`;
}

export const devLoginScript = `
document.querySelectorAll('button[data-user]').forEach(function (b) {
  b.addEventListener('click', async function () {
    var u = JSON.parse(b.getAttribute('data-user'));
    var res = await fetch('./token', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: u.tenantId, userId: u.userId, name: u.name, email: u.email, roles: u.roles }) });
    var json = await res.json();
    var redirect = new URLSearchParams(location.search).get('redirect');
    if (redirect && redirect.startsWith('/') && !redirect.startsWith('//')) {
      location.assign(redirect + '#access_token=' + encodeURIComponent(json.access_token));
    } else {
      document.getElementById('token').value = json.access_token;
    }
  });
});`;
