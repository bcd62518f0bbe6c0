/**
 * Tokens for the pane inside Outlook: Nested App Authentication (msal-browser's nestable client,
 * configured by the server's /tab/config.json). Null when the server has no Entra app (embedded
 * mode): the pane then uses the server's development sign-in, as outside Outlook.
 */
export async function outlookTokenGetter(): Promise<(() => Promise<string>) | null> {
  const config = (await (await fetch('/tab/config.json')).json()) as { clientId: string | null; apiScope: string | null; authority: string };
  if (!config.clientId || !config.apiScope) return null;
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  const scopes = [config.apiScope];
  return async () => {
    try {
      return (await pca.acquireTokenSilent({ scopes })).accessToken;
    } catch {
      return (await pca.acquireTokenPopup({ scopes })).accessToken;
    }
  };
}
