package org.coproduction.impact.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server (part of Spring Security 7)
 * in a second Spring application on its own random port, with its own sign-in page, discovery
 * document, signed ID tokens and userinfo endpoint. Tests add people (with the email claims the
 * service checks) and register the service as a client, as an IT team would in Entra ID.
 *
 * <p>It reads no application.yml (its own config name) and starts only the web server, Spring
 * Security and the authorization server: none of the service's beans or its database.
 */
public final class TestOidcProvider implements AutoCloseable {

    /** The claims a person's ID token carries about their email. */
    record Person(String email, boolean emailVerified, String name) {}

    private final ConfigurableApplicationContext context;

    private TestOidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestOidcProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "spring.config.name=test-oidc-provider",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "spring.jmx.enabled=false",
                        "logging.level.root=warn")
                .run();
        return new TestOidcProvider(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The provider's issuer: what an ADMIN types into the service's settings. */
    public String issuer() {
        return "http://localhost:" + port();
    }

    /** A person who can sign in at the provider with this username and password. */
    public void addPerson(String username, String password, String email, boolean emailVerified, String name) {
        context.getBean(InMemoryUserDetailsManager.class)
                .createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
        context.getBean(People.class).byUsername().put(username, new Person(email, emailVerified, name));
    }

    /** Registers the service as a confidential client that may send people back to {@code redirectUri}. */
    public void registerClient(String clientId, String secret, String redirectUri) {
        context.getBean(InMemoryRegisteredClientRepository.class).save(client(clientId, secret, redirectUri));
    }

    private static RegisteredClient client(String clientId, String secret, String redirectUri) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .scope(OidcScopes.PROFILE)
                .build();
    }

    @Override
    public void close() {
        context.close();
    }

    record People(Map<String, Person> byUsername) {}

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class Provider {

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(client("nobody", UUID.randomUUID().toString(), "http://localhost/nowhere"));
        }

        @Bean
        People people() {
            return new People(new ConcurrentHashMap<>());
        }

        /** Puts the person's email, whether it is verified, and their name in their ID token (and so in userinfo). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(People people) {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    Person person = people.byUsername().get(context.getPrincipal().getName());
                    if (person != null) {
                        context.getClaims().claim("email", person.email())
                                .claim("email_verified", person.emailVerified())
                                .claim("name", person.name());
                    }
                }
            };
        }
    }
}
