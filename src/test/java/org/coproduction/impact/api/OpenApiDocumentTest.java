package org.coproduction.impact.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.coproduction.impact.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document the service serves is valid OpenAPI 3.1 (checked by swagger-parser), and it
 * and the handlers name the same addresses: a handler under {@code /api/v1} that the document
 * leaves out, or a path in the document no handler answers, fails here.
 */
@IntegrationTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    SwaggerParseResult served() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(response.getContentAsString(), null, options);
    }

    @Test
    void isValidOpenApi31WithoutAToken() throws Exception {
        SwaggerParseResult result = served();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("apiToken");
    }

    @Test
    void theValidatorDoesCatchABrokenDocument() {
        String broken = """
                {"openapi": "3.1.0", "info": {"title": "x"},
                 "paths": {"/projects": {"get": {"responses": {"200": {"$ref": "#/components/responses/Missing"}}}}}}
                """;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages()).isNotEmpty();
    }

    @Test
    void describesEveryApiMappingAndNothingElse() throws Exception {
        Set<String> documented = new TreeSet<>();
        served().getOpenAPI().getPaths().forEach((path, item) -> {
            if (item.getGet() != null) {
                documented.add("GET " + path);
            }
            assertThat(item.getPost()).as(path + ": the API is read-only").isNull();
            assertThat(item.getPut()).as(path).isNull();
            assertThat(item.getDelete()).as(path).isNull();
            assertThat(item.getPatch()).as(path).isNull();
        });
        Set<String> mapped = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p.substring("/api/v1".length())))));

        assertThat(mapped).isNotEmpty().allMatch(m -> !m.contains("/api/"), "every API mapping is under /api/v1");
        assertThat(documented).isEqualTo(mapped);
    }
}
