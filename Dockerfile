# syntax=docker/dockerfile:1
# The service as a container image: built from source, run as a non-root user on a read-only root
# file system, with a health check. docs/deployment.md ("Container") explains it, and
# scripts/check-dockerfile.sh checks these instructions against the jar's real layout (CI runs it,
# also where Docker itself is not available).

# --- build: the jar, then its layers (dependencies change less often than the application) ---
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests package \
    && cp target/coproduction-impact-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# --- run ---
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 impact \
    && useradd --system --uid 10001 --gid impact --home-dir /app --shell /usr/sbin/nologin impact
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER impact
# The JVM's options, the same for the training run below and the service: the serial collector and
# smaller thread stacks keep a service of this size under 300 MB resident (bench/README.md,
# "Start-up"); the AOT cache is trained with the collector it will run with. An operator with a big
# instance can replace the whole variable (for example with -XX:+UseG1GC); see docs/deployment.md.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# The JDK's AOT cache (faster start-up): a training run starts the application once, against the
# embedded PostgreSQL in a throw-away folder, and stops when the context is ready.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
        -jar /app/app.jar --app.embedded-db.data-dir=/tmp/training-db --app.demo.enabled=false --server.port=0 \
    && rm -rf /tmp/training-db /tmp/embedded-pg*
ENV SPRING_PROFILES_ACTIVE=prod \
    PORT=8080
EXPOSE 8080
# Liveness without curl (not in the image): bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
