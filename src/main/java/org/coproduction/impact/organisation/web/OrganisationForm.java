package org.coproduction.impact.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}") @Size(max = 200, message = "{organisation.name.too-long}") String name) {}
