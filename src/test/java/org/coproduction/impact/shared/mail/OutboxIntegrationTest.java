package org.coproduction.impact.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) that is down, then up: an email is sent only
 * when what caused it commits, waits while the server is down, is sent once when it is back, and
 * two instances sending at once never send an email twice.
 */
@IntegrationTest
class OutboxIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    int port;
    GreenMail smtp;
    Mailer mailer;
    OutboxSender outbox;
    JavaMailSender mail;
    TestData.Org org;

    @BeforeEach
    void aMailServerThatIsNotRunningYet() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(props);
        mail = sender;
        var beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        mailer = new Mailer(jdbc, beans.getBeanProvider(JavaMailSender.class), false);
        outbox = new OutboxSender(jdbc, transactions, beans.getBeanProvider(JavaMailSender.class), "no-reply@test.invalid");
        org = data.organisationWithEveryRole("Outbox");
    }

    @AfterEach
    void stopTheMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
        // Leave nothing due for another test's sender.
        jdbc.sql("update outbound_email set next_attempt_at = null where not sent").update();
    }

    private void startTheMailServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private void makeEverythingDue() {
        jdbc.sql("update outbound_email set next_attempt_at = now() where not sent and next_attempt_at is not null").update();
    }

    private String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private void sendCommitted(List<OrganisationId> orgs, String to, String subject) {
        transactions.executeWithoutResult(status -> mailer.send(orgs, to, subject, "Your link: https://example.org/x"));
    }

    private List<String> recipientsReceived() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : smtp == null ? new MimeMessage[0] : smtp.getReceivedMessages()) {
            Arrays.stream(m.getRecipients(Message.RecipientType.TO)).forEach(a -> to.add(a.toString()));
        }
        return to;
    }

    @Test
    void anEmailWaitsWhileTheMailServerIsDownAndIsSentOnceWhenItIsBack() throws Exception {
        String to = unique("reset");
        sendCommitted(List.of(org.id()), to, "Reset your password");

        assertThat(outbox.deliverDue(mail)).isZero();

        Mailer.Outgoing waiting = mailer.outbox(org.id(), 10).stream().filter(e -> e.recipient().equals(to)).findFirst().orElseThrow();
        assertThat(waiting.sent()).isFalse();
        assertThat(waiting.waiting()).isTrue();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.body()).as("kept, so nothing is lost").contains("https://example.org/x");
        assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt().plusSeconds(20));
        assertThat(outbox.deliverDue(mail)).as("not due again before its wait is over").isZero();

        String page = mvc.perform(get("/admin/emails").with(data.as(org.person(Role.ADMIN))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Waiting to send", "The mail server did not take it (1 try)");

        startTheMailServer();
        makeEverythingDue();
        // Strictly: the sender says why it reads across organisations (ScheduledJobsScopeIntegrationTest).
        assertThat(OrganisationScope.strictly(() -> outbox.deliverDue(mail))).isEqualTo(1);
        assertThat(outbox.deliverDue(mail)).isZero();

        assertThat(recipientsReceived()).containsExactly(to);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Reset your password");
        Mailer.Outgoing sent = mailer.outbox(org.id(), 10).stream().filter(e -> e.recipient().equals(to)).findFirst().orElseThrow();
        assertThat(sent.sent()).isTrue();
        assertThat(sent.body()).as("a sent email's secret link is not kept").isNull();
    }

    @Test
    void whatWasRolledBackSendsNothing() throws Exception {
        startTheMailServer();
        String to = unique("rolled-back");

        transactions.executeWithoutResult(status -> {
            mailer.send(List.of(org.id()), to, "An invitation", "Join us");
            status.setRollbackOnly();
        });

        assertThat(outbox.deliverDue(mail)).isZero();
        assertThat(recipientsReceived()).doesNotContain(to);
        assertThat(jdbc.sql("select count(*) from outbound_email where recipient = :to").param("to", to).query(Long.class).single())
                .isZero();
    }

    @Test
    void twoInstancesSendingAtOnceSendEveryEmailExactlyOnce() throws Exception {
        startTheMailServer();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = unique("member" + i);
            recipients.add(to);
            sendCommitted(List.of(org.id()), to, "Hello " + i);
        }
        OutboxSender other = new OutboxSender(jdbc, transactions,
                new StaticListableBeanFactory(Map.of("mailSender", mail)).getBeanProvider(JavaMailSender.class), "b@test.invalid");

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> {
                go.await();
                return outbox.deliverDue(mail);
            });
            Future<Integer> b = pool.submit(() -> {
                go.await();
                return other.deliverDue(mail);
            });
            go.countDown();
            assertThat(a.get() + b.get()).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }

        assertThat(recipientsReceived()).containsExactlyInAnyOrderElementsOf(recipients);
    }

    @Test
    void anEmailAboutTwoOrganisationsIsSentOnceAndBothAdminsSeeIt() throws Exception {
        startTheMailServer();
        TestData.Org second = data.organisationWithEveryRole("Outbox second");
        String to = unique("both");

        sendCommitted(List.of(org.id(), second.id()), to, "Reset your password");
        assertThat(outbox.deliverDue(mail)).isEqualTo(1);

        assertThat(recipientsReceived()).containsExactly(to);
        assertThat(mailer.outbox(org.id(), 10)).anySatisfy(e -> assertThat(e.recipient()).isEqualTo(to));
        assertThat(mailer.outbox(second.id(), 10)).anySatisfy(e -> assertThat(e.recipient()).isEqualTo(to));
    }

    @Test
    void waitsGrowFromThirtySecondsToAnHourAtMost() {
        assertThat(OutboxSender.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSender.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.waitAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxSender.waitAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OutboxSender.waitAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxSender.waitAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
