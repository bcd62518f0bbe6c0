/** The server's development sign-in (embedded mode only): pick a demo person, keep the token for the session. */
export interface DemoUser {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
  roles: string[];
}

const key = 'crm.devToken';

export async function demoUsers(): Promise<DemoUser[]> {
  const res = await fetch('/auth/dev/users');
  if (!res.ok) throw new Error('The development sign-in is not available on this server.');
  return ((await res.json()) as { items: DemoUser[] }).items;
}

export async function signInAs(user: DemoUser): Promise<string> {
  const res = await fetch('/auth/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: user.tenantId, userId: user.userId, name: user.name, email: user.email, roles: user.roles }),
  });
  if (!res.ok) throw new Error('Sign-in failed.');
  const { access_token, expires_in } = (await res.json()) as { access_token: string; expires_in: number };
  sessionStorage.setItem(key, JSON.stringify({ token: access_token, expiresAt: Date.now() + expires_in * 1000, user }));
  return access_token;
}

export function storedSession(): { token: string; user: DemoUser } | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  const s = JSON.parse(raw) as { token: string; expiresAt: number; user: DemoUser };
  return s.expiresAt > Date.now() + 60_000 ? s : null;
}

export function signOut(): void {
  sessionStorage.removeItem(key);
}
