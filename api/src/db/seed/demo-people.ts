import type { Role } from '../../auth/roles.js';

/** The demo tenant and its three people, used by the seed and offered by the dev sign-in. */
export const demoTenant = { id: '6f1c2b1e-7a3d-4c55-9e0a-2b8d41c0a001', name: 'Demo: Středoevropská obchodní s.r.o.' };

export interface DemoUser {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

export const demoUsers: DemoUser[] = [
  { tenantId: demoTenant.id, userId: '0b9a7c52-3f1e-4d8a-a1b2-5c6d7e8f9001', name: 'Alena Nováková', email: 'alena.novakova@demo.example', roles: ['Admin'] },
  { tenantId: demoTenant.id, userId: '0b9a7c52-3f1e-4d8a-a1b2-5c6d7e8f9002', name: 'Piotr Wiśniewski', email: 'piotr.wisniewski@demo.example', roles: ['Manager'] },
  { tenantId: demoTenant.id, userId: '0b9a7c52-3f1e-4d8a-a1b2-5c6d7e8f9003', name: 'Ioana Popescu', email: 'ioana.popescu@demo.example', roles: ['User'] },
];
