package org.coproduction.impact.form;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Bringing in forms from XLSForm files (KoboToolbox, ODK) and giving forms out as XLSForm (issue
 * #13). An upload is read and kept as a preview; nothing is made until it is confirmed, and a preview
 * is confirmed once: confirming again (a double click, the back button) gives the same form.
 */
@Service
public class XlsFormImports {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};
    private static final TypeReference<List<XlsForm.NotTaken>> NOT_TAKEN = new TypeReference<>() {};

    /** What an upload gave: a preview to look at, or why the whole file was refused. */
    public sealed interface Upload {
        record Previewed(UUID importId) implements Upload {}

        record Refused(String messageKey) implements Upload {}
    }

    private final JdbcClient jdbc;
    private final FormService forms;
    private final FormRepository formRows;
    private final ProjectService projects;
    private final AuditLog audit;

    XlsFormImports(JdbcClient jdbc, FormService forms, FormRepository formRows, ProjectService projects, AuditLog audit) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.formRows = formRows;
        this.projects = projects;
        this.audit = audit;
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("form import");
        }
    }

    /**
     * Reads an uploaded file and keeps what it would make, for the preview. A refused file keeps
     * nothing. {@code untitled} is the title when neither the file's settings nor its name give one.
     */
    @Transactional
    public Upload read(Tenant tenant, @Nullable UUID projectId, String filename, byte[] bytes, String untitled) {
        requireManager(tenant);
        if (projectId != null) {
            projects.project(tenant, projectId);
        }
        XlsForm.Reading reading = XlsForm.read(bytes, OwnWords.main());
        if (reading instanceof XlsForm.Refused(String key)) {
            return new Upload.Refused(key);
        }
        XlsForm.Read read = (XlsForm.Read) reading;
        String name = filename.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        String title = read.title() != null ? read.title() : titleFrom(name, untitled);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into form_import (id, organisation_id, project_id, filename, file_sha256, title, title_cy, intro, intro_cy,
                                                 questions, not_taken)
                        values (:id, :org, :project, :filename, :hash, :title, :titleCy, :intro, :introCy, cast(:questions as jsonb),
                                cast(:notTaken as jsonb))
                        """)
                .param("id", id)
                .param("org", tenant.organisationId().value())
                .param("project", projectId)
                .param("filename", name)
                .param("hash", sha256(bytes))
                .param("title", title)
                .param("titleCy", read.titleCy())
                .param("intro", read.intro())
                .param("introCy", read.introCy())
                .param("questions", FormRepository.json(read.questions()))
                .param("notTaken", FormRepository.JSON.writeValueAsString(read.notTaken()))
                .update();
        return new Upload.Previewed(id);
    }

    /** A form's title from a file's name ("Spring_survey.xlsx" is "Spring survey"), or {@code untitled}. */
    static String titleFrom(String filename, String untitled) {
        String base = filename.replaceAll("(?i)\\.(xlsx|csv)$", "").replaceAll("[_]+", " ").strip();
        if (base.isEmpty()) {
            return untitled;
        }
        return base.length() > FormService.MAX_TITLE ? base.substring(0, FormService.MAX_TITLE) : base;
    }

    private record Row(UUID id, @Nullable UUID projectId, String filename, String title, @Nullable String titleCy, @Nullable String intro,
            @Nullable String introCy, String questions, String notTaken, @Nullable UUID formId) {

        XlsFormImport preview() {
            return new XlsFormImport(id, projectId, filename, title, titleCy, intro, introCy, FormRepository.JSON.readValue(questions, QUESTIONS),
                    FormRepository.JSON.readValue(notTaken, NOT_TAKEN), formId);
        }
    }

    /** A preview of this organisation's; another organisation's id is not found. */
    public XlsFormImport preview(Tenant tenant, UUID importId) {
        requireManager(tenant);
        return find(tenant, importId).orElseThrow(() -> new NotFoundException("form import"));
    }

    private Optional<XlsFormImport> find(Tenant tenant, UUID importId) {
        return jdbc.sql("""
                        select id, project_id, filename, title, title_cy, intro, intro_cy, questions::text as questions,
                               not_taken::text as not_taken, form_id
                        from form_import where organisation_id = :org and id = :id
                        """)
                .param("org", tenant.organisationId().value())
                .param("id", importId)
                .query(Row.class)
                .optional()
                .map(Row::preview);
    }

    /**
     * Makes the form the preview shows, once. Returns its id; a preview confirmed before returns the
     * form it made then and makes nothing. Two confirmations at once queue on the preview's row.
     */
    @Transactional
    public UUID confirm(Tenant tenant, UUID importId) {
        XlsFormImport preview = preview(tenant, importId);
        boolean first = jdbc.sql("update form_import set confirmed_at = now() where organisation_id = :org and id = :id and confirmed_at is null")
                .param("org", tenant.organisationId().value())
                .param("id", importId)
                .update() == 1;
        if (!first) {
            UUID made = preview(tenant, importId).formId();
            if (made == null) {
                throw new IllegalStateException("A confirmed import names no form");
            }
            return made;
        }
        UUID formId = forms.create(tenant, preview.projectId(), preview.title(), preview.intro(), false, null, preview.questions());
        formRows.updateWelsh(tenant.organisationId(), formId, preview.titleCy(), preview.introCy());
        jdbc.sql("update form_import set form_id = :form where organisation_id = :org and id = :id")
                .param("form", formId)
                .param("org", tenant.organisationId().value())
                .param("id", importId)
                .update();
        audit.record(tenant.organisationId(), tenant.userId(), "FORM_IMPORTED", "form", formId, preview.filename());
        return formId;
    }

    /** The form as an XLSForm file. */
    public byte[] export(Tenant tenant, UUID formId) {
        return XlsForm.write(forms.form(tenant, formId), OwnWords.main());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
