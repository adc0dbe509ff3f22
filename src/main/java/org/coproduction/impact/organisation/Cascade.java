package org.coproduction.impact.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes rows together with what depends on them, found from the schema's foreign keys (as
 * {@link SubjectAccess} finds a person's rows), so a table that a module adds later is not
 * forgotten: a row that refers to a deleted one through a column that may be empty keeps its place
 * and loses the reference; one that cannot exist without it is deleted in turn, and so on down.
 * Used by erasure and by retention, always inside the caller's transaction.
 */
@Component
class Cascade {

    /** A foreign key of {@code table.column} onto the parent's {@code parentColumn}. */
    record Reference(String table, String column, String parentColumn, boolean nullable) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    Cascade(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** The single-column foreign keys that point at {@code table}. Keys over several columns are refused. */
    List<Reference> referencesTo(String table) {
        List<Reference> references = new ArrayList<>();
        jdbc.sql("""
                        select cl.relname as child, a.attname as child_column, pa.attname as parent_column,
                               not a.attnotnull as nullable, cardinality(c.conkey) as width
                        from pg_constraint c
                        join pg_class cl on cl.oid = c.conrelid
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
                        where c.contype = 'f' and c.confrelid = cast(:table as regclass)
                          and cl.relnamespace = 'public'::regnamespace
                        order by cl.relname, a.attname
                        """)
                .param("table", table)
                .query((rs, n) -> {
                    if (rs.getInt("width") != 1) {
                        throw new IllegalStateException("A key over several columns points at " + table + " from "
                                + rs.getString("child") + "; say how to delete it in Cascade");
                    }
                    return new Reference(rs.getString("child"), rs.getString("child_column"), rs.getString("parent_column"),
                            rs.getBoolean("nullable"));
                })
                .list()
                .forEach(references::add);
        return references;
    }

    /**
     * Deletes the rows of {@code table} (aliased {@code t}) where {@code condition}, with their
     * dependents; returns how many rows of {@code table} went.
     */
    int delete(String table, String condition, Map<String, ?> params) {
        clearDependents(table, "select t.* from " + quote(table) + " t where " + condition, params, 0);
        return named.update("delete from " + quote(table) + " t where " + condition, params);
    }

    private void clearDependents(String table, String rows, Map<String, ?> params, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("Foreign keys nest too deep under " + table);
        }
        for (Reference ref : referencesTo(table)) {
            String matching = column("c", ref.column()) + " in (select p." + quote(ref.parentColumn()) + " from (" + rows + ") p)";
            if (ref.table().equals(table)) {
                // A row pointing at another of its kind (a version based on another) only loses the pointer.
                named.update("update " + quote(ref.table()) + " c set " + quote(ref.column()) + " = null where " + matching, params);
            } else if (ref.nullable()) {
                named.update("update " + quote(ref.table()) + " c set " + quote(ref.column()) + " = null where " + matching, params);
            } else {
                clearDependents(ref.table(), "select c.* from " + quote(ref.table()) + " c where " + matching, params, depth + 1);
                named.update("delete from " + quote(ref.table()) + " c where " + matching, params);
            }
        }
    }

    /** {@code alias.column}, the column's name quoted. */
    static String column(String alias, String column) {
        return alias + '.' + quote(column);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
