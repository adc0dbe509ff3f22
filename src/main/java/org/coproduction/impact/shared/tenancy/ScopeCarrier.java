package org.coproduction.impact.shared.tenancy;

import java.util.Optional;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Takes the organisation scope ({@link OrganisationScope}) with work handed to another thread, such
 * as a streamed CSV or Excel download, which Spring MVC writes on its task executor after the
 * request's own thread has gone: the download is then walled in to the organisation of the page
 * that started it, and the thread is left clean afterwards. Spring Boot applies this to the
 * application's task executor.
 */
@Component
class ScopeCarrier implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        Optional<OrganisationId> scope = OrganisationScope.current();
        if (scope.isEmpty()) {
            boolean across = OrganisationScope.acrossOrganisations();
            return () -> {
                OrganisationScope.clear();
                if (across) {
                    OrganisationScope.setAcross();
                }
                try {
                    runnable.run();
                } finally {
                    OrganisationScope.clear();
                }
            };
        }
        OrganisationId organisation = scope.get();
        return () -> {
            OrganisationScope.set(organisation);
            try {
                runnable.run();
            } finally {
                OrganisationScope.clear();
            }
        };
    }
}
