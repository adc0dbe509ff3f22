package org.coproduction.impact.shared.web;

import org.coproduction.impact.shared.tenancy.NoOrganisationException;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationSuspendedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns the domain's "not here" and "not allowed" answers into the matching error pages. */
@ControllerAdvice
class ExceptionPages {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(OrganisationSuspendedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String suspended() {
        return "error/suspended";
    }

    @ExceptionHandler(NoOrganisationException.class)
    String noOrganisation() {
        return "redirect:/";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge() {
        return "error/413";
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/400";
    }
}
