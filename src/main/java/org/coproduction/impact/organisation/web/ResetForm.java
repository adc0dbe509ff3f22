package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password, typed twice. */
record ResetForm(
        @NotBlank(message = "{password.required}") @Size(max = 200, message = "{password.too-long}") String password,
        @NotBlank(message = "{password.confirm.required}") String confirm) {}
