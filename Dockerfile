# One image recipe for every Kabar service: docker build --build-arg MODULE=article-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN test -n "$MODULE" && ./mvnw -B -q -pl "$MODULE" -am package -DskipTests

FROM eclipse-temurin:25-jre
ARG MODULE
# curl serves the container health check against /actuator/health/readiness.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app kabar
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER kabar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseCompactObjectHeaders"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
