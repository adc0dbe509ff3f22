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
import org.springframework.stereotype.Component;

/**
 * Hands out connections limited to the current organisation ({@link OrganisationScope}) by the
 * row-level security policies {@link RowLevelSecurity} keeps. Each connection taken from the pool is
 * told the organisation ({@code app.organisation_id}, empty outside one organisation's pages) and,
 * when the service's database account bypasses row-level security, switches to the plain role. The
 * operator's pages, which work across organisations on purpose, take the operator's role instead
 * ({@link RowLevelSecurity#OPERATOR_ROLE}), so the database too can tell their statements apart. A
 * pooled connection remembers what it was last told, so a connection used the same way as last time
 * (as on the public answering pages, where nothing changes) costs no extra statement.
 */
class ScopedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(ScopedDataSource.class);

    /** Per physical connection, what it was last told; weak, so a connection the pool closes is forgotten. */
    private final Map<Connection, String> told = Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether scoped connections must switch role; decided on the first scoped connection. */
    private volatile @Nullable Boolean switchRole;

    /** Whether the operator's pages' connections can take the operator's role; decided on the first. */
    private volatile @Nullable Boolean operatorRole;

    /** What a connection was told when it took the operator's role. */
    private static final String OPERATOR = "operator";

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
            boolean operator = organisation == null && OrganisationScope.acrossOrganisations() && operatorRole(connection);
            boolean role = organisation != null && switchRole(connection);
            String wanted = operator ? OPERATOR : organisation == null ? "" : (role ? "role:" : "") + organisation.value();
            String last = told.get(physical);
            if (!wanted.equals(last) && !(last == null && wanted.isEmpty())) {
                try (Statement statement = connection.createStatement()) {
                    // A UUID's text only: nothing from a request is written into the statement.
                    String value = organisation == null ? "" : organisation.value().toString();
                    boolean roleBefore = last != null && (last.startsWith("role:") || last.equals(OPERATOR));
                    String setRole = operator ? "set role " + RowLevelSecurity.OPERATOR_ROLE + "; "
                            : role ? "set role " + RowLevelSecurity.ROLE + "; " : (roleBefore ? "reset role; " : "");
                    statement.execute(setRole + "select set_config('" + RowLevelSecurity.SETTING + "', '" + value + "', false)");
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
            if (bypasses && !roleExists) {
                log.warn("The database account bypasses row-level security and the role {} does not exist: "
                        + "each query's own organisation condition is the only wall.", RowLevelSecurity.ROLE);
            }
            known = bypasses && roleExists;
        }
        switchRole = known;
        return known;
    }

    /** Wraps the application's data source, so every connection anyone takes from it is scoped. */
    @Component
    static class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof ScopedDataSource) ? new ScopedDataSource(dataSource) : bean;
        }
    }
}
