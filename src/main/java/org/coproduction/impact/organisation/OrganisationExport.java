package org.coproduction.impact.organisation;

import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.export.ExportZip;
import org.coproduction.impact.shared.export.OrganisationExportPart;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole-organisation export (issue #15): every part writes into one zip (format in
 * docs/export-format.md), streamed straight to the download, read in one read-only transaction so the
 * tables agree with each other, and audited.
 */
@Service
public class OrganisationExport {

    private final List<OrganisationExportPart> parts;
    private final TransactionTemplate readOnly;
    private final AuditLog audit;

    OrganisationExport(List<OrganisationExportPart> parts, PlatformTransactionManager transactions, AuditLog audit) {
        this.parts = parts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.audit = audit;
    }

    /** The version of the service that wrote an export, as the manifest names it. */
    static String appVersion() {
        return Objects.requireNonNullElse(OrganisationExport.class.getPackage().getImplementationVersion(), "development");
    }

    /** Writes the ADMIN's organisation's zip to {@code out} (left open) and audits the download. */
    public void write(Tenant admin, OutputStream out) {
        readOnly.executeWithoutResult(status -> {
            ExportZip zip = new ExportZip(out);
            for (OrganisationExportPart part : parts) {
                part.export(admin, zip);
            }
            zip.finish(admin.organisationName(), appVersion());
        });
        audit.record(admin.organisationId(), admin.userId(), "ORGANISATION_EXPORTED", "organisation",
                admin.organisationId().value(), admin.organisationName());
    }
}
