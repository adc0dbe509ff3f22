package org.coproduction.impact.organisation;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * An account's sessions, found by the username Spring Session keeps with each signed-in session
 * (its principal name index), so they can be ended: after a password reset, or by an ADMIN.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session signed in as {@code username} except {@code keep} (the one making the request, if any). */
    int endAll(String username, @Nullable String keep) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    int count(String username) {
        return sessions.findByPrincipalName(username).size();
    }
}
