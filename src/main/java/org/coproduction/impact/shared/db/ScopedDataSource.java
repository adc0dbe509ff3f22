package org.coproduction.impact.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * Hands out connections limited to the current organisation ({@link OrganisationScope}) by the
 * row-level security policies {@link RowLevelSecurity} keeps. Each connection taken from the pool is
 * told the organisation ({@code app.organisation_id}) and, when the service's database account
 * bypasses row-level security, switches to the plain role. Work that may read across organisations
 * says so ({@code app.across_organisations}): the service's own work that gave its reason
 * ({@link OrganisationScope#serviceWork}), under the service's own account, and the operator's pages,
 * under the operator's role ({@link RowLevelSecurity#OPERATOR_ROLE}), so the database too can tell
 * their statements apart. A connection taken with no organisation and no reason takes the plain role
 * and reads no organisation's rows. A pooled connection remembers what it was last told, so a
 * connection used the same way as last time (as on the public answering pages, where nothing
 * changes) costs no extra statement.
 */
class ScopedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(ScopedDataSource.class);

    /** Per physical connection, what it was last told; weak, so a connection the pool closes is forgotten. */
    private final Map<Connection, String> told = Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether scoped connections must switch role; decided on the first scoped connection. */
    private volatile @Nullable Boolean switchRole;

    private volatile boolean warned;

    /** Whether the operator's pages' connections can take the operator's role; decided on the first. */
    private volatile @Nullable Boolean operatorRole;

    /** What a connection was told when it took the operator's role. */
    private static final String OPERATOR = "operator";

    /** What a connection was told when it may read across organisations (the operator's, or the service's own work). */
    private static final String ACROSS = "across";

    ScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        try {
            if (OrganisationScope.unnamedWhileStrict()) {
                throw new IllegalStateException("A connection was taken with no organisation named and no reason given for "
                        + "reading every organisation's rows: run it within one organisation, or as the service's own work");
            }
            // The pool's connection is a wrapper; what it was told belongs to the physical connection inside.
            Connection physical = connection.unwrap(Connection.class);
            OrganisationId organisation = OrganisationScope.current().orElse(null);
            boolean across = organisation == null && (OrganisationScope.acrossOrganisations() || OrganisationScope.serviceWork());
            boolean operator = organisation == null && OrganisationScope.acrossOrganisations() && operatorRole(connection);
            // One organisation's work, or work that named nothing (which then reads nothing), takes the plain role.
            boolean plainRole = !across && switchRole(connection);
            String wanted = (operator ? OPERATOR : plainRole ? "role" : "own") + ":"
                    + (across ? ACROSS : organisation == null ? "" : organisation.value().toString());
            if (!wanted.equals(told.get(physical))) {
                try (Statement statement = connection.createStatement()) {
                    // A UUID's text only: nothing from a request is written into the statement.
                    String value = organisation == null ? "" : organisation.value().toString();
                    String setRole = operator ? "set role " + RowLevelSecurity.OPERATOR_ROLE
                            : plainRole ? "set role " + RowLevelSecurity.ROLE : "reset role";
                    statement.execute(setRole + "; select set_config('" + RowLevelSecurity.SETTING + "', '" + value + "', false), "
                            + "set_config('" + RowLevelSecurity.ACROSS_SETTING + "', '" + (across ? "on" : "") + "', false)");
                }
                told.put(physical, wanted);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether the operator's role can be taken: it exists and this account may take it; decided once. */
    private boolean operatorRole(Connection connection) throws SQLException {
        Boolean known = operatorRole;
        if (known != null) {
            return known;
        }
        try (Statement statement = connection.createStatement();
                ResultSet r = statement.executeQuery("select case when exists (select from pg_roles where rolname = '" + RowLevelSecurity.OPERATOR_ROLE
                        + "') then pg_has_role(session_user, '" + RowLevelSecurity.OPERATOR_ROLE + "', 'member') else false end")) {
            r.next();
            known = r.getBoolean(1);
            if (!known) {
                log.warn("The database role {} is not there to take: the operator's pages run as the service's own account.",
                        RowLevelSecurity.OPERATOR_ROLE);
            }
        }
        operatorRole = known;
        return known;
    }

    private boolean switchRole(Connection connection) throws SQLException {
        Boolean known = switchRole;
        if (known != null) {
            return known;
        }
        try (Statement statement = connection.createStatement();
                ResultSet r = statement.executeQuery("select r.rolsuper or r.rolbypassrls, "
                        + "exists (select from pg_roles where rolname = '" + RowLevelSecurity.ROLE + "') "
                        + "from pg_roles r where r.rolname = session_user")) {
            r.next();
            boolean bypasses = r.getBoolean(1);
            boolean roleExists = r.getBoolean(2);
            known = bypasses && roleExists;
            if (bypasses && !roleExists) {
                // Asked again next time: the role is made after the migrations, and may not be there yet.
                if (!warned) {
                    warned = true;
                    log.warn("The database account bypasses row-level security and the role {} does not exist (yet): "
                            + "each query's own organisation condition is the only wall.", RowLevelSecurity.ROLE);
                }
                return false;
            }
        }
        switchRole = known;
        return known;
    }

    /** Wraps the application's data source, so every connection anyone takes from it is scoped. */
    @Component
    static class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof DataSource dataSource) || bean instanceof ScopedDataSource) {
                return bean;
            }
            ScopedDataSource scoped = new ScopedDataSource(dataSource);
            // Always PostgreSQL: said here, so Spring's error translation (made early by the session
            // store) need not take a connection, named by nobody, to ask while the start is held strictly.
            SQLErrorCodesFactory.getInstance().registerDatabase(scoped, "PostgreSQL");
            return scoped;
        }
    }
}
