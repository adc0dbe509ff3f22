package org.coproduction.impact.api.web;

import java.io.IOException;
import java.io.InputStream;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's OpenAPI 3.1 document: written by hand (resources/api/openapi.json) rather than made
 * from the code at start-up, so start-up stays fast and the document says what we promise, not
 * whatever the code happens to do; {@code OpenApiDocumentTest} validates it and checks that it and
 * the handlers name the same addresses. Public: it holds no organisation's data.
 */
@RestController
class OpenApiController {

    static final String DOCUMENT = "api/openapi.json";

    private final byte[] document;

    OpenApiController() throws IOException {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing");
            }
            this.document = in.readAllBytes();
        }
    }

    @GetMapping(ApiController.V1 + "/openapi.json")
    @PublicEndpoint
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache()).body(document);
    }
}
