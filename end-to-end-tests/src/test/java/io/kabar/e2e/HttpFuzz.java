package io.kabar.e2e;

import io.kabar.e2e.MalformedJson.Shape;
import io.kabar.e2e.MalformedRequests.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * (d) The property "no generated malformed request gets a 5xx answer", checked on at least
 * {@value #REQUESTS_PER_SERVICE} requests per service over every endpoint of its public port. Requests come from
 * {@link MalformedRequests} with a seed (system property {@code kabar.fuzz.seed}, printed) so that a failing run can be
 * repeated; the 5xx answers are kept with the request that caused them.
 */
final class HttpFuzz {

    static final int REQUESTS_PER_SERVICE = 1_200;
    private static final int CLIENTS = 4;

    static final Map<String, List<Endpoint>> ENDPOINTS = Map.of(
            FaultStack.ARTICLES,
            List.of(
                    new Endpoint("GET", "/api/articles/{id}", null, List.of()),
                    new Endpoint("GET", "/api/articles", null, List.of("category", "tag", "limit", "before")),
                    new Endpoint("POST", "/api/articles", Shape.ARTICLE, List.of()),
                    new Endpoint("PUT", "/api/articles/{id}", Shape.ARTICLE, List.of()),
                    new Endpoint("DELETE", "/api/articles/{id}", null, List.of())),
            FaultStack.RELATED,
            List.of(new Endpoint("GET", "/api/articles/{id}/related", null, List.of("limit"))),
            FaultStack.NOTIFICATIONS,
            List.of(
                    new Endpoint("POST", "/api/subscriptions", Shape.SUBSCRIPTION, List.of()),
                    new Endpoint("GET", "/api/subscriptions/{id}", null, List.of()),
                    new Endpoint("DELETE", "/api/subscriptions/{id}", null, List.of()),
                    new Endpoint("GET", "/api/alerts/stream", null, List.of("categories", "tags"))),
            FaultStack.TRENDING,
            List.of(
                    new Endpoint("POST", "/api/page-views", Shape.PAGE_VIEWS, List.of()),
                    new Endpoint("GET", "/api/trending", null, List.of("window", "category", "limit"))));

    /** One failure of the property: the request and the answer's head. */
    record Failure(String request, String answer) {}

    /** Answers by status (-1: none), and the requests answered with 5xx. */
    record Outcome(long seed, int requests, Map<Integer, Integer> statuses, List<Failure> serverErrors) {

        long fiveHundreds() {
            return serverErrors.size();
        }

        long unanswered() {
            return statuses.getOrDefault(-1, 0);
        }
    }

    private HttpFuzz() {}

    static Outcome run(int port, String module, long seed, List<String> knownIds) throws Exception {
        MalformedRequests generator = new MalformedRequests(seed, knownIds);
        List<RawHttp.Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_SERVICE; i++) {
            requests.add(generator.next(ENDPOINTS.get(module)));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<RawHttp.Answer>> answers = new ArrayList<>();
            for (RawHttp.Request request : requests) {
                answers.add(clients.submit(() -> RawHttp.send(port, request)));
            }
            for (int i = 0; i < requests.size(); i++) {
                RawHttp.Answer answer = answers.get(i).get();
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(new Failure(
                            requests.get(i).describe(), answer.head().strip()));
                }
            }
        }
        return new Outcome(seed, requests.size(), statuses, failures);
    }
}
