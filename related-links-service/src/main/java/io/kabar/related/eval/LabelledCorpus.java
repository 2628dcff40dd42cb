package io.kabar.related.eval;

import io.kabar.related.ranking.Story;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the labelled evaluation CSV (id, title, url, published_at, category, topics, body). */
final class LabelledCorpus {

    /** A story with the topic labels that define relevance; the labels are never shown to the ranker. */
    record Article(Story story, Set<String> topics) {}

    private LabelledCorpus() {}

    static List<Article> read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Article> articles = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                Story story = new Story(
                        row.get("id"),
                        1,
                        row.get("title"),
                        Arrays.stream(row.get("body").split("\\R"))
                                .filter(p -> !p.isBlank())
                                .toList(),
                        row.get("category"),
                        List.of(), // the topics are the relevance labels, so tagging with them would be cheating
                        OffsetDateTime.parse(row.get("published_at")).toInstant(),
                        row.get("url"));
                Set<String> topics = Arrays.stream(row.get("topics").split(";"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
                articles.add(new Article(story, topics));
            }
        }
        return articles;
    }
}
