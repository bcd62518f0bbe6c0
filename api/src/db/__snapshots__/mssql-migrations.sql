create table "tenants" ("id" nvarchar(36) primary key, "name" nvarchar(200) not null, "created_at" nvarchar(30) not null, "updated_at" nvarchar(30) not null);

create table "users" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "entra_oid" nvarchar(36) not null, "display_name" nvarchar(200) not null, "email" nvarchar(254), "roles" nvarchar(100) not null, "last_seen_at" nvarchar(30) not null, constraint "users_tenant_fk" foreign key ("tenant_id") references "tenants" ("id"));

create unique index "users_tenant_oid_uq" on "users" ("tenant_id", "entra_oid");

create table "clients" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "kind" nvarchar(10) not null, "name" nvarchar(200) not null, "sort_name" nvarchar(200) not null, "company_id" nvarchar(20), "vat_id" nvarchar(20), "vat_payer" smallint, "country" nvarchar(2), "industry" nvarchar(100), "relationship_type" nvarchar(30), "parent_id" nvarchar(36), "owner_id" nvarchar(36), "primary_contact_id" nvarchar(36), "description" nvarchar(4000), "website" nvarchar(300), "email" nvarchar(254), "phone" nvarchar(40), "credit_limit_minor" bigint, "credit_limit_currency" nvarchar(3), "payment_terms_days" integer, "preferred_contact_methods" nvarchar(200) default '[]' not null, "do_not_contact" smallint default 0 not null, constraint "clients_tenant_fk" foreign key ("tenant_id") references "tenants" ("id"), constraint "clients_parent_fk" foreign key ("parent_id") references "clients" ("id"), constraint "clients_owner_fk" foreign key ("owner_id") references "users" ("id"));

create index "clients_tenant_sort_ix" on "clients" ("tenant_id", "sort_name", "id") where "deleted_at" is null;

create index "clients_tenant_updated_ix" on "clients" ("tenant_id", "updated_at", "id") where "deleted_at" is null;

create index "clients_tenant_parent_ix" on "clients" ("tenant_id", "parent_id");

create index "clients_tenant_owner_ix" on "clients" ("tenant_id", "owner_id");

create index "clients_tenant_company_ix" on "clients" ("tenant_id", "company_id");

create table "client_addresses" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "type" nvarchar(12) not null, "label" nvarchar(100), "street" nvarchar(200), "city" nvarchar(100), "postal_code" nvarchar(20), "country" nvarchar(2), "position" integer not null, constraint "client_addresses_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "client_addresses_client_ix" on "client_addresses" ("tenant_id", "client_id");

create table "client_tags" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "client_id" nvarchar(36) not null, "tag" nvarchar(50) not null, "tag_key" nvarchar(50) not null, constraint "client_tags_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "client_tags_client_ix" on "client_tags" ("tenant_id", "client_id");

create index "client_tags_key_ix" on "client_tags" ("tenant_id", "tag_key", "client_id");

create table "contacts" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "first_name" nvarchar(100) not null, "last_name" nvarchar(100) not null, "sort_name" nvarchar(200) not null, "email" nvarchar(254), "phone" nvarchar(40), "mobile" nvarchar(40), "job_title" nvarchar(100), "is_primary" smallint default 0 not null, "preferred_contact_methods" nvarchar(200) default '[]' not null, "do_not_contact" smallint default 0 not null, "notes" nvarchar(4000), constraint "contacts_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "contacts_client_ix" on "contacts" ("tenant_id", "client_id", "sort_name");

create index "contacts_email_ix" on "contacts" ("tenant_id", "email");

create index "contacts_sort_ix" on "contacts" ("tenant_id", "sort_name", "id") where "deleted_at" is null;

create table "search_terms" ("tenant_id" nvarchar(36) not null, "entity_type" nvarchar(10) not null, "entity_id" nvarchar(36) not null, "term" nvarchar(100) not null);

create index "search_terms_lookup_ix" on "search_terms" ("tenant_id", "term", "entity_type", "entity_id");

create index "search_terms_entity_ix" on "search_terms" ("entity_id", "term", "tenant_id");

create table "audit_log" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "entity_type" nvarchar(20) not null, "entity_id" nvarchar(36) not null, "client_id" nvarchar(36), "action" nvarchar(10) not null, "field" nvarchar(50), "old_value" nvarchar(max), "new_value" nvarchar(max));

create index "audit_log_client_ix" on "audit_log" ("tenant_id", "client_id", "created_at");

create index "audit_log_entity_ix" on "audit_log" ("tenant_id", "entity_id", "created_at");

create table "pipeline_stages" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "key" nvarchar(30) not null, "name" nvarchar(100), "position" integer not null, "probability" integer not null, "retired_at" nvarchar(30));

create unique index "pipeline_stages_key_uq" on "pipeline_stages" ("tenant_id", "key");

create table "deals" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "contact_id" nvarchar(36), "title" nvarchar(200) not null, "description" nvarchar(4000), "customer_need" nvarchar(4000), "proposed_solution" nvarchar(4000), "source" nvarchar(20), "value_minor" bigint, "currency" nvarchar(3), "probability" integer not null, "expected_close_date" nvarchar(10), "next_step" nvarchar(500), "owner_id" nvarchar(36), "stage_key" nvarchar(30) not null, "status" nvarchar(10) not null, "stage_entered_at" nvarchar(30) not null, "closed_at" nvarchar(10), "lost_reason" nvarchar(500), "won_value_minor" bigint, "last_activity_at" nvarchar(30), constraint "deals_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "deals_status_close_ix" on "deals" ("tenant_id", "status", "expected_close_date", "id") where "deleted_at" is null;

create index "deals_status_value_ix" on "deals" ("tenant_id", "status", "value_minor", "id") where "deleted_at" is null;

create index "deals_status_activity_ix" on "deals" ("tenant_id", "status", "last_activity_at", "id") where "deleted_at" is null;

create index "deals_totals_ix" on "deals" ("tenant_id", "status", "currency", "value_minor", "probability", "owner_id") where "deleted_at" is null;

create index "deals_owner_ix" on "deals" ("tenant_id", "owner_id", "status");

create index "deals_client_ix" on "deals" ("tenant_id", "client_id", "status");

create table "deal_contacts" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "deal_id" nvarchar(36) not null, "contact_id" nvarchar(36) not null, constraint "deal_contacts_deal_fk" foreign key ("deal_id") references "deals" ("id"));

create index "deal_contacts_deal_ix" on "deal_contacts" ("tenant_id", "deal_id");

create table "deal_stage_history" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "deal_id" nvarchar(36) not null, "stage_key" nvarchar(30) not null, "entered_at" nvarchar(30) not null, "left_at" nvarchar(30), constraint "deal_stage_history_deal_fk" foreign key ("deal_id") references "deals" ("id"));

create index "deal_stage_history_deal_ix" on "deal_stage_history" ("tenant_id", "deal_id", "entered_at");

create table "leads" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "company_name" nvarchar(200), "company_id" nvarchar(20), "first_name" nvarchar(100), "last_name" nvarchar(100), "email" nvarchar(254), "phone" nvarchar(40), "topic" nvarchar(200) not null, "source" nvarchar(20), "notes" nvarchar(4000), "status" nvarchar(15) not null, "owner_id" nvarchar(36), "disqualify_reason" nvarchar(500), "converted_client_id" nvarchar(36), "converted_contact_id" nvarchar(36), "converted_deal_id" nvarchar(36));

create index "leads_status_ix" on "leads" ("tenant_id", "status", "created_at", "id");

create table "activities" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "type" nvarchar(10) not null, "subject" nvarchar(300) not null, "body" nvarchar(4000), "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "contact_id" nvarchar(36), "occurred_at" nvarchar(30) not null, "due_at" nvarchar(30), "reminder_at" nvarchar(30), "completed_at" nvarchar(30), "priority" nvarchar(10), "assignee_id" nvarchar(36), "call_direction" nvarchar(10), "call_duration_seconds" integer, "call_outcome" nvarchar(200), "event" nvarchar(40), "meeting_id" nvarchar(36), "email_id" nvarchar(36), constraint "activities_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "activities_client_ix" on "activities" ("tenant_id", "client_id", "occurred_at", "id");

create index "activities_deal_ix" on "activities" ("tenant_id", "deal_id", "occurred_at", "id");

create index "activities_tasks_ix" on "activities" ("tenant_id", "assignee_id", "completed_at", "due_at");

create index "activities_reminder_ix" on "activities" ("reminder_at", "completed_at");

create table "document_folders" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "provider" nvarchar(10) not null, "item_id" nvarchar(1000) not null, "name" nvarchar(255) not null, "web_url" nvarchar(2000), constraint "document_folders_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "document_folders_client_ix" on "document_folders" ("tenant_id", "client_id", "provider", "deal_id");

create table "documents" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "folder_id" nvarchar(36) not null, "provider" nvarchar(10) not null, "item_id" nvarchar(1000) not null, "name" nvarchar(255) not null, "size" bigint not null, "content_type" nvarchar(150) not null, "web_url" nvarchar(2000), "uploaded_by" nvarchar(36) not null, constraint "documents_client_fk" foreign key ("client_id") references "clients" ("id"), constraint "documents_folder_fk" foreign key ("folder_id") references "document_folders" ("id"));

create index "documents_client_ix" on "documents" ("tenant_id", "client_id", "created_at", "id") where "deleted_at" is null;

create index "documents_deal_ix" on "documents" ("tenant_id", "deal_id", "created_at", "id") where "deleted_at" is null;

create index "documents_folder_name_ix" on "documents" ("tenant_id", "folder_id", "name");

create table "meetings" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "subject" nvarchar(255) not null, "body" nvarchar(max), "start_at" nvarchar(30) not null, "end_at" nvarchar(30) not null, "time_zone" nvarchar(64) not null, "attendees" nvarchar(max) not null, "online" smallint not null, "status" nvarchar(10) not null, "provider" nvarchar(10) not null, "organizer_id" nvarchar(36) not null, "organizer_oid" nvarchar(36) not null, "event_id" nvarchar(500), "ical_uid" nvarchar(500), "join_url" nvarchar(2000), "web_link" nvarchar(2000), "activity_id" nvarchar(36), "synced_at" nvarchar(30), constraint "meetings_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "meetings_client_ix" on "meetings" ("tenant_id", "client_id", "start_at", "id") where "deleted_at" is null;

create index "meetings_sync_ix" on "meetings" ("tenant_id", "provider", "status", "end_at");

create table "meeting_sync_leases" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "claimed_by" nvarchar(100), "lease_expires" nvarchar(30), "last_run_at" nvarchar(30));

create unique index "meeting_sync_leases_tenant_uq" on "meeting_sync_leases" ("tenant_id");

create table "emails" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "internet_message_id" nvarchar(500) not null, "conversation_id" nvarchar(500), "subject" nvarchar(500) not null, "from_name" nvarchar(200), "from_email" nvarchar(254) not null, "to_json" nvarchar(max) not null, "cc_json" nvarchar(max) not null, "sent_at" nvarchar(30) not null, "body_html" nvarchar(max) not null, "body_text" nvarchar(max) not null, "document_ids" nvarchar(max) not null);

create unique index "emails_message_uq" on "emails" ("tenant_id", "internet_message_id");

create table "email_links" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "email_id" nvarchar(36) not null, "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "contact_id" nvarchar(36), constraint "email_links_email_fk" foreign key ("email_id") references "emails" ("id"));

create index "email_links_email_ix" on "email_links" ("tenant_id", "email_id");

create index "email_links_client_ix" on "email_links" ("tenant_id", "client_id");

create table "bot_conversations" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "user_id" nvarchar(36) not null, "conversation_id" nvarchar(300) not null, "service_url" nvarchar(500) not null);

create unique index "bot_conversations_user_uq" on "bot_conversations" ("tenant_id", "user_id");

alter table "activities" add "reminder_claimed_by" nvarchar(36);

alter table "activities" add "reminder_lease_until" nvarchar(30);

alter table "activities" add "reminder_sent_at" nvarchar(30);

create index "activities_reminder_due_ix" on "activities" ("reminder_sent_at", "reminder_at") where "reminder_at" is not null;

create table "jobs" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "updated_at" nvarchar(30) not null, "updated_by" nvarchar(36), "version" integer default 1 not null, "deleted_at" nvarchar(30), "type" nvarchar(40) not null, "status" nvarchar(10) not null, "payload" nvarchar(max) not null, "progress_done" integer default 0 not null, "progress_total" integer not null, "failures" nvarchar(max) not null, "claimed_by" nvarchar(100), "lease_until" nvarchar(30));

create index "jobs_status_ix" on "jobs" ("status", "lease_until");

create table "client_bank_accounts" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "client_id" nvarchar(36) not null, "account_number" nvarchar(34) not null, "source" nvarchar(40) not null, constraint "client_bank_accounts_client_fk" foreign key ("client_id") references "clients" ("id"));

create index "client_bank_accounts_client_ix" on "client_bank_accounts" ("tenant_id", "client_id");

create table "email_filing_intents" ("id" nvarchar(36) primary key, "tenant_id" nvarchar(36) not null, "created_at" nvarchar(30) not null, "created_by" nvarchar(36), "conversation_id" nvarchar(500) not null, "subject" nvarchar(500) not null, "client_id" nvarchar(36) not null, "deal_id" nvarchar(36), "contact_ids" nvarchar(max) not null, constraint "email_filing_intents_client_fk" foreign key ("client_id") references "clients" ("id"));

create unique index "email_filing_intents_uq" on "email_filing_intents" ("tenant_id", "created_by", "conversation_id");

create index "search_terms_type_ix" on "search_terms" ("tenant_id", "entity_type", "term", "entity_id");

drop index "search_terms_lookup_ix" on "search_terms";

create index "deals_owner_close_ix" on "deals" ("tenant_id", "owner_id", "status", "expected_close_date", "id") where "deleted_at" is null;

drop index "deals_totals_ix" on "deals";

create index "deals_totals_ix" on "deals" ("tenant_id", "status", "currency", "value_minor", "probability", "owner_id", "last_activity_at", "created_at") where "deleted_at" is null;
