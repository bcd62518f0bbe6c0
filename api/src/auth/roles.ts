/**
 * Who may do what: one table, read top to bottom. `any` roles may act on every record of their
 * tenant; `own` roles only on records they own (owner, or creator when nobody owns it).
 */
export const roles = ['Reader', 'User', 'Manager', 'Admin'] as const;
export type Role = (typeof roles)[number];

const everyone: Role[] = ['Reader', 'User', 'Manager', 'Admin'];
const writers: Role[] = ['User', 'Manager', 'Admin'];
const managers: Role[] = ['Manager', 'Admin'];

interface Rule {
  any: Role[];
  own?: Role[];
}

export const permissions = {
  'record.read': { any: everyone },
  'record.create': { any: writers },
  'record.update': { any: managers, own: ['User'] },
  'record.delete': { any: managers, own: ['User'] },
  /** Users file emails and log activities on any client, as DESIGN.md section 6 says. */
  'activity.create': { any: writers },
  'email.file': { any: writers },
  /** Users add documents and schedule meetings on any client, as they log activities. */
  'document.upload': { any: writers },
  'meeting.schedule': { any: writers },
  'team.view': { any: managers },
  'settings.manage': { any: ['Admin'] },
  'users.manage': { any: ['Admin'] },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

export interface Principal {
  id: string;
  roles: readonly Role[];
}

export function can(who: Principal, permission: Permission, ownerId?: string | null): boolean {
  const rule: Rule = permissions[permission];
  if (who.roles.some((r) => rule.any.includes(r))) return true;
  return Boolean(rule.own && ownerId && ownerId === who.id && who.roles.some((r) => rule.own!.includes(r)));
}

/** Maps the app roles in a token (`CRM.Admin` …) to roles; a token with none reads only. */
export function rolesFromClaim(claim: unknown): Role[] {
  const list = Array.isArray(claim) ? claim : [];
  const found = roles.filter((r) => list.includes(`CRM.${r}`));
  return found.length ? found : ['Reader'];
}
