select * from "clients" where "clients"."tenant_id" = @1 and "id" = @2 and "deleted_at" is null;

select count(*) as "n" from (select top(1000) "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @1 and "search_terms"."entity_type" = @2 and "search_terms"."term" like @3) as "capped";

select count(*) as "n" from (select top(1000) "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @1 and "search_terms"."entity_type" = @2 and "search_terms"."term" like @3) as "capped";

select top(21) * from "clients" where "clients"."tenant_id" = @1 and "deleted_at" is null and "country" = @2 and "id" in (select "client_id" from "client_tags" where "client_tags"."tenant_id" = @3 and "tag_key" = @4) and "id" in (select "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @5 and "search_terms"."entity_type" = @6 and "search_terms"."term" like @7 and exists (select "t1"."entity_id" from "search_terms" as "t1" where "t1"."entity_id" = "search_terms"."entity_id" and "t1"."tenant_id" = @8 and "t1"."term" like @9)) and ("sort_name" > @10 or ("sort_name" = @11 and "id" > @12)) order by "sort_name", "id";

select top(51) * from "clients" where "clients"."tenant_id" = @1 and "deleted_at" is null order by "updated_at" desc, "id" desc;

update "clients" set "name" = @1, "version" = @2, "updated_at" = @3, "updated_by" = @4 where "clients"."tenant_id" = @5 and "id" = @6 and "version" = @7 and "deleted_at" is null;

update "clients" set "deleted_at" = @1, "updated_at" = @2, "updated_by" = @3, "version" = @4 where "clients"."tenant_id" = @5 and "id" = @6 and "version" = @7 and "deleted_at" is null;

delete from "client_tags" where "client_tags"."tenant_id" = @1 and "client_id" = @2;

insert into "client_tags" ("id", "created_at", "created_by", "client_id", "tag", "tag_key", "tenant_id") values (@1, @2, @3, @4, @5, @6, @7);

select top(51) * from "contacts" where "contacts"."tenant_id" = @1 and "deleted_at" is null and "id" in (select "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @2 and "search_terms"."entity_type" = @3 and "search_terms"."term" like @4) order by "sort_name", "id";

update "contacts" set "is_primary" = @1, "version" = "version" + @2, "updated_at" = @3, "updated_by" = @4 where "contacts"."tenant_id" = @5 and "client_id" = @6 and "is_primary" = @7 and "deleted_at" is null and "id" <> @8;

update "contacts" set "is_primary" = @1, "version" = "version" + @2, "updated_at" = @3, "updated_by" = @4 where "contacts"."tenant_id" = @5 and "id" = @6 and "is_primary" = @7;

update "clients" set "primary_contact_id" = @1, "version" = "version" + @2, "updated_at" = @3, "updated_by" = @4 where "clients"."tenant_id" = @5 and "id" = @6 and ("primary_contact_id" is null or "primary_contact_id" <> @7);

select count(*) as "n" from (select top(1000) "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @1 and "search_terms"."entity_type" = @2 and "search_terms"."term" like @3) as "capped";

select count(*) as "n" from (select top(1000) "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @1 and "search_terms"."entity_type" = @2 and "search_terms"."term" like @3) as "capped";

select top(50) "search_terms"."entity_id" from "search_terms" where "search_terms"."tenant_id" = @1 and "search_terms"."entity_type" = @2 and "search_terms"."term" like @3 and exists (select "t1"."entity_id" from "search_terms" as "t1" where "t1"."entity_id" = "search_terms"."entity_id" and "t1"."tenant_id" = @4 and "t1"."term" like @5);

select top(51) "audit_log"."id", "audit_log"."entity_type", "audit_log"."entity_id", "audit_log"."action", "audit_log"."field", "audit_log"."old_value", "audit_log"."new_value", "audit_log"."created_at", "audit_log"."created_by", "users"."display_name" from "audit_log" left join "users" on "users"."id" = "audit_log"."created_by" and "users"."tenant_id" = "audit_log"."tenant_id" where "audit_log"."tenant_id" = @1 and "audit_log"."client_id" = @2 order by "audit_log"."created_at" desc, "audit_log"."id" desc;
