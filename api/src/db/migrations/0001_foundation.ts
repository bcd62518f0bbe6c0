import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf, withAppendOnlyColumns, withRecordColumns } from '../dialect.js';

/** Tenants, users, clients with addresses and tags, contacts, search terms, change history. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);

  await db.schema
    .createTable('tenants')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', t.text(200), (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withRecordColumns(d, db.schema.createTable('users'))
    .addColumn('entra_oid', t.id, (c) => c.notNull())
    .addColumn('display_name', t.text(200), (c) => c.notNull())
    .addColumn('email', t.text(254))
    .addColumn('roles', t.text(100), (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addForeignKeyConstraint('users_tenant_fk', ['tenant_id'], 'tenants', ['id'])
    .execute();
  await db.schema.createIndex('users_tenant_oid_uq').on('users').columns(['tenant_id', 'entra_oid']).unique().execute();

  await withRecordColumns(d, db.schema.createTable('clients'))
    .addColumn('kind', t.text(10), (c) => c.notNull())
    .addColumn('name', t.text(200), (c) => c.notNull())
    .addColumn('sort_name', t.text(200), (c) => c.notNull())
    .addColumn('company_id', t.text(20))
    .addColumn('vat_id', t.text(20))
    .addColumn('vat_payer', t.flag)
    .addColumn('country', t.text(2))
    .addColumn('industry', t.text(100))
    .addColumn('relationship_type', t.text(30))
    .addColumn('parent_id', t.id)
    .addColumn('owner_id', t.id)
    .addColumn('primary_contact_id', t.id)
    .addColumn('description', t.text(4000))
    .addColumn('website', t.text(300))
    .addColumn('email', t.text(254))
    .addColumn('phone', t.text(40))
    .addColumn('credit_limit_minor', t.bigint)
    .addColumn('credit_limit_currency', t.text(3))
    .addColumn('payment_terms_days', t.int)
    .addColumn('preferred_contact_methods', t.text(200), (c) => c.notNull().defaultTo('[]'))
    .addColumn('do_not_contact', t.flag, (c) => c.notNull().defaultTo(0))
    .addForeignKeyConstraint('clients_tenant_fk', ['tenant_id'], 'tenants', ['id'])
    .addForeignKeyConstraint('clients_parent_fk', ['parent_id'], 'clients', ['id'])
    .addForeignKeyConstraint('clients_owner_fk', ['owner_id'], 'users', ['id'])
    .execute();
  await db.schema.createIndex('clients_tenant_sort_ix').on('clients').columns(['tenant_id', 'sort_name', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex('clients_tenant_updated_ix').on('clients').columns(['tenant_id', 'updated_at', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex('clients_tenant_parent_ix').on('clients').columns(['tenant_id', 'parent_id']).execute();
  await db.schema.createIndex('clients_tenant_owner_ix').on('clients').columns(['tenant_id', 'owner_id']).execute();
  await db.schema.createIndex('clients_tenant_company_ix').on('clients').columns(['tenant_id', 'company_id']).execute();

  await withRecordColumns(d, db.schema.createTable('client_addresses'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('type', t.text(12), (c) => c.notNull())
    .addColumn('label', t.text(100))
    .addColumn('street', t.text(200))
    .addColumn('city', t.text(100))
    .addColumn('postal_code', t.text(20))
    .addColumn('country', t.text(2))
    .addColumn('position', t.int, (c) => c.notNull())
    .addForeignKeyConstraint('client_addresses_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('client_addresses_client_ix').on('client_addresses').columns(['tenant_id', 'client_id']).execute();

  await withAppendOnlyColumns(d, db.schema.createTable('client_tags'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('tag', t.text(50), (c) => c.notNull())
    .addColumn('tag_key', t.text(50), (c) => c.notNull())
    .addForeignKeyConstraint('client_tags_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('client_tags_client_ix').on('client_tags').columns(['tenant_id', 'client_id']).execute();
  await db.schema.createIndex('client_tags_key_ix').on('client_tags').columns(['tenant_id', 'tag_key', 'client_id']).execute();

  await withRecordColumns(d, db.schema.createTable('contacts'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('first_name', t.text(100), (c) => c.notNull())
    .addColumn('last_name', t.text(100), (c) => c.notNull())
    .addColumn('sort_name', t.text(200), (c) => c.notNull())
    .addColumn('email', t.text(254))
    .addColumn('phone', t.text(40))
    .addColumn('mobile', t.text(40))
    .addColumn('job_title', t.text(100))
    .addColumn('is_primary', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('preferred_contact_methods', t.text(200), (c) => c.notNull().defaultTo('[]'))
    .addColumn('do_not_contact', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('notes', t.text(4000))
    .addForeignKeyConstraint('contacts_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('contacts_client_ix').on('contacts').columns(['tenant_id', 'client_id', 'sort_name']).execute();
  await db.schema.createIndex('contacts_email_ix').on('contacts').columns(['tenant_id', 'email']).execute();
  await db.schema.createIndex('contacts_sort_ix').on('contacts').columns(['tenant_id', 'sort_name', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();

  await db.schema
    .createTable('search_terms')
    .addColumn('tenant_id', t.id, (c) => c.notNull())
    .addColumn('entity_type', t.text(10), (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('term', t.text(100), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_terms_lookup_ix').on('search_terms').columns(['tenant_id', 'term', 'entity_type', 'entity_id']).execute();
  // Covers the per-candidate check of the other words (no table lookups).
  await db.schema.createIndex('search_terms_entity_ix').on('search_terms').columns(['entity_id', 'term', 'tenant_id']).execute();

  await withAppendOnlyColumns(d, db.schema.createTable('audit_log'))
    .addColumn('entity_type', t.text(20), (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('client_id', t.id)
    .addColumn('action', t.text(10), (c) => c.notNull())
    .addColumn('field', t.text(50))
    .addColumn('old_value', t.longText)
    .addColumn('new_value', t.longText)
    .execute();
  await db.schema.createIndex('audit_log_client_ix').on('audit_log').columns(['tenant_id', 'client_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_entity_ix').on('audit_log').columns(['tenant_id', 'entity_id', 'created_at']).execute();
}
