package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new account made while accepting an invitation. Email is optional: many members have none. */
public record JoinForm(
        @NotBlank(message = "{join.name.required}") @Size(max = 120, message = "{join.name.too-long}") String name,
        @NotBlank(message = "{join.username.required}")
                @Size(min = 3, max = 60, message = "{join.username.size}")
                @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{join.username.characters}")
                String username,
        @Nullable @Email(message = "{join.email.invalid}") @Size(max = 254, message = "{join.email.too-long}") String email,
        @NotBlank(message = "{password.required}") @Size(max = 200, message = "{password.too-long}") String password,
        @NotBlank(message = "{password.confirm.required}") String confirm) {}
