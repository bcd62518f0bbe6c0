/** One row per Entra tenant (`tid`) that has signed in. The id is the Entra tenant id itself. */
export interface TenantsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}
