package org.coproduction.impact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.coproduction.impact.shared.tenancy.NoOrganisationException;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationSuspendedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ExceptionPages.class);

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

    /**
     * A request whose parameters cannot be decoded (an unknown charset, bytes that are not in it):
     * the client's mistake, so a 400 and one line at WARN, not an ERROR with a stack trace.
     */
    @ExceptionHandler(InvalidParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String undecodable(InvalidParameterException e, HttpServletRequest request) {
        log.warn("Refused a request to {} whose parameters could not be decoded: {}", request.getRequestURI(), e.getMessage());
        return "error/400";
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/400";
    }
}
