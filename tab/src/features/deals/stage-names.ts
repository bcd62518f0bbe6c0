import type { Stage } from '../../../../api/src/contract/index.js';
import type { Api } from '../../api/client.js';
import { useApp, useLoad } from '../../app/context.js';
import { useI18n } from '../../i18n/i18n.js';

// Stages change rarely (an admin edits them): one request per signed-in API client.
const loaded = new WeakMap<Api, Promise<Stage[]>>();

/** The tenant's name of a stage key in the current language (the key itself until stages load). */
export function useStageName(): (key: string) => string {
  const { api } = useApp();
  const { locale } = useI18n();
  const [stages] = useLoad(() => {
    let p = loaded.get(api);
    if (!p) {
      p = api.get<{ items: Stage[] }>('/stages').then((r) => r.items);
      p.catch(() => loaded.delete(api));
      loaded.set(api, p);
    }
    return p;
  }, [api]);
  return (key) => (stages.state === 'ready' ? stages.data.find((s) => s.key === key)?.names[locale] : undefined) ?? key;
}
