package org.coproduction.impact.api.web;

import java.net.URI;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's errors as problem details (RFC 9457), in JSON, never the pages' HTML error pages. Asked
 * before the pages' advice, for the API's own handlers only. (401 and 429 are written earlier, by
 * the API's security filter.)
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "Nothing with that id in your organisation.");
    }

    /**
     * A value of the wrong kind: in the address, an id that is not one, so nothing has it (404); in
     * the query (a {@code limit} that is not a whole number), a request no page answers (400).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongKind(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFound();
        }
        return problem(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(HttpStatus.FORBIDDEN, "This token does not have the scope this address needs.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "Send an API token: Authorization: Bearer <token>.");
    }

    @ExceptionHandler(Paging.BadPageRequest.class)
    ResponseEntity<ProblemDetail> badPage(Paging.BadPageRequest e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
