/**
 * Where the tab runs. Inside Teams, Outlook or the Microsoft 365 app the page is framed (or
 * opened) by the host, or, on mobile, a top-level webview with the host's native bridge; the
 * app manifest's URLs may also say so with `?host=teams|outlook|m365`. In a plain browser none
 * of that holds and teams-js is never loaded (its initialize() would reject and log a CDN
 * error there).
 */
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Host {
  inM365: boolean;
  theme: ThemeName;
  locale: string | null;
  getToken(): Promise<string>;
  /** The person switches Teams between light, dark and high contrast while the tab is open. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
}

export const framedByHost = () =>
  window.self !== window.top ||
  Boolean(window.opener) ||
  'nativeInterface' in window ||
  ['teams', 'outlook', 'm365'].includes(new URLSearchParams(window.location.search).get('host') ?? '');

interface TabConfig {
  clientId: string | null;
  apiScope: string | null;
  authority: string;
}

export async function connectM365Host(timeoutMs = 3000): Promise<Host> {
  const teams = await import('@microsoft/teams-js');
  const ready = teams.app.initialize();
  await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error('The Microsoft 365 host did not answer')), timeoutMs))]);
  const context = await teams.app.getContext();
  const themeOf = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light');
  const theme = themeOf(context.app.theme);
  const config = (await (await fetch('/tab/config.json')).json()) as TabConfig;
  if (!config.clientId || !config.apiScope) throw new Error('The server has no Entra app configured (AAD_CLIENT_ID).');
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  const scopes = [config.apiScope];
  return {
    inM365: true,
    theme,
    locale: context.app.locale ?? null,
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((name) => handler(themeOf(name))),
    async getToken() {
      try {
        return (await pca.acquireTokenSilent({ scopes })).accessToken;
      } catch {
        return (await pca.acquireTokenPopup({ scopes })).accessToken;
      }
    },
  };
}
