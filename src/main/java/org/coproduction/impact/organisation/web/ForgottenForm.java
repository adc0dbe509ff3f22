package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ForgottenForm(@NotBlank(message = "{forgotten.login.required}") @Size(max = 254, message = "{forgotten.login.too-long}") String login) {}
