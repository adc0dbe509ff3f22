package org.coproduction.impact.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The second wall between organisations: PostgreSQL row-level security on every table that has an
 * {@code organisation_id} column. After every migration (so a table added later is covered without
 * a migration of its own) each such table gets row-level security, forced on its owner too, and one
 * policy, {@code organisation_scope}: while a connection's {@code app.organisation_id} setting names
 * an organisation, only that organisation's rows can be read, changed or added (and rows of no
 * organisation added, such as a person's own sign-in in the activity log, which no organisation's
 * page can read back). A connection that names no organisation reads no organisation's rows, unless
 * its {@code app.across_organisations} setting says it does work across organisations (the service's
 * own work that gave its reason, or the operator's pages). The service sets both on each connection
 * it takes ({@link ScopedDataSource}).
 *
 * <p>A superuser, or a role with {@code bypassrls}, is never limited by row-level security, so when
 * the service connects as one (the embedded trial database connects as {@code postgres}) the
 * callback makes a plain role, {@value #ROLE}, with rights on the tables only, and scoped connections
 * switch to it with {@code set role}. Connecting as an ordinary owner of the tables, the forced
 * policies apply directly. The operator's pages take another plain role, {@value #OPERATOR_ROLE}, with
 * the same rights and no organisation set: across organisations on purpose, named so in the database's
 * own views of who runs what ({@code pg_stat_activity}, statement logs), and written in the service's
 * audit log for each request. {@code membership} is left out on purpose: it is the directory of who
 * belongs to which organisation, read across organisations to offer a person their others.
 */
@Component
class RowLevelSecurity implements Callback {

    static final String ROLE = "coproduction_app";
    /** The role the operator's pages, which work across organisations on purpose, take (audited by the service). */
    static final String OPERATOR_ROLE = "coproduction_operator";
    static final String POLICY = "organisation_scope";
    static final String SETTING = "app.organisation_id";
    /** Set ({@code on}) while a connection does work that may read across organisations: the service's own, or the operator's. */
    static final String ACROSS_SETTING = "app.across_organisations";

    private static final Logger log = LoggerFactory.getLogger(RowLevelSecurity.class);

    private static final String SCOPE = "nullif(current_setting('" + SETTING + "', true), '')";

    private static final String ACROSS = "current_setting('" + ACROSS_SETTING + "', true) = 'on'";

    /** What may be read: the scope's rows, or every row for work that reads across organisations; else nothing. */
    private static final String USING = ACROSS + " or organisation_id = " + SCOPE + "::uuid";

    /** What may be added or changed: what may be read, or rows of no organisation (which no scope reads back). */
    private static final String CHECK = USING + " or organisation_id is null";

    private static final String APPLY = """
            do $$
            declare
              t record;
              bypass boolean;
            begin
              select rolsuper or rolbypassrls into bypass from pg_roles where rolname = current_user;
              if bypass and not exists (select from pg_roles where rolname = '%1$s') then
                begin
                  create role %1$s nologin nosuperuser nobypassrls;
                exception when duplicate_object then null;
                end;
              end if;
              if not exists (select from pg_roles where rolname = '%4$s') then
                begin
                  create role %4$s nologin nosuperuser nobypassrls;
                exception when duplicate_object or insufficient_privilege then null;
                end;
              end if;
              for t in
                select c.relname
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> 'membership'
              loop
                execute format('alter table %%I enable row level security', t.relname);
                execute format('alter table %%I force row level security', t.relname);
                if not exists (select from pg_policies where schemaname = current_schema() and tablename = t.relname
                               and policyname = '%2$s') then
                  begin
                    execute format('create policy %2$s on %%I using (%3$s) with check (%5$s)', t.relname);
                  exception when duplicate_object then null;
                  end;
                elsif exists (select from pg_policies where schemaname = current_schema() and tablename = t.relname
                              and policyname = '%2$s' and position('%6$s' in qual) = 0) then
                  -- Made when no organisation set meant every row: now it means none, unless the work says it reads across.
                  execute format('alter policy %2$s on %%I using (%3$s) with check (%5$s)', t.relname);
                end if;
              end loop;
              if exists (select from pg_roles where rolname = '%1$s') then
                execute format('grant usage on schema %%I to %1$s', current_schema());
                execute format('grant select, insert, update, delete, truncate, references on all tables in schema %%I to %1$s', current_schema());
                execute format('grant usage, select, update on all sequences in schema %%I to %1$s', current_schema());
                if not bypass then
                  execute format('grant %1$s to %%I', current_user);
                end if;
              end if;
              -- The operator's role is a convenience on top of the wall: if it cannot be set up, the wall still is.
              if exists (select from pg_roles where rolname = '%4$s') then
                begin
                  execute format('grant usage on schema %%I to %4$s', current_schema());
                  execute format('grant select, insert, update, delete, truncate, references on all tables in schema %%I to %4$s', current_schema());
                  execute format('grant usage, select, update on all sequences in schema %%I to %4$s', current_schema());
                  if not bypass then
                    execute format('grant %4$s to %%I', current_user);
                  end if;
                exception when insufficient_privilege or invalid_grant_operation then
                  raise warning 'the operator role %4$s could not be given its rights: %%', sqlerrm;
                end;
              end if;
            end $$
            """.formatted(ROLE, POLICY, USING.replace("'", "''"), OPERATOR_ROLE, CHECK.replace("'", "''"), ACROSS_SETTING);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // On its own: a refusal (no right to create a role) must not abort the migration's transaction.
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(APPLY);
        } catch (SQLException e) {
            // For example a database account that may not create roles: the service still runs, with one wall.
            log.warn("Row-level security between organisations could not be set up ({}); each query's own "
                    + "organisation condition is the only wall. See docs/data-protection.md.", e.getMessage());
        }
    }

    @Override
    public String getCallbackName() {
        return "row-level-security";
    }
}
