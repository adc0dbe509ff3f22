package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coproduction.impact.organisation.Invitation;
import org.coproduction.impact.shared.tenancy.Role;
import org.jspecify.annotations.Nullable;

/** Who to invite, with which role, and how: by email, or printed with a code. */
record InvitationForm(
        @NotBlank(message = "{invite.name.required}") @Size(max = 120, message = "{invite.name.too-long}") String name,
        @NotNull(message = "{invite.kind.required}") Invitation.Kind kind,
        @Nullable @Email(message = "{invite.email.invalid}") @Size(max = 254, message = "{invite.email.too-long}") String email,
        @NotNull(message = "{people.role.required}") Role role) {}
