package io.kabar.trending.ranking;

import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.serde.SchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the topology: Avro for the shared topics, a compact versioned binary format for the internal topic
 * and state stores, whose records only this service reads.
 */
final class TrendingSerdes {

    /** Written first in every internal record so that a later format can still read today's changelogs. */
    private static final byte FORMAT_V1 = 1;

    static final Serde<ArticleInfo> ARTICLE = internal(TrendingSerdes::writeArticle, TrendingSerdes::readArticle);

    /** Tag 1 was a bucket's full count, before the counting moved behind the session cap and sent increments. */
    private static final byte ARTICLE_CHANGE = 2;

    private static final byte BUCKET_VIEWS = 3;

    static final Serde<RankingInput> RANKING_INPUT = internal(
            (out, input) -> {
                switch (input) {
                    case RankingInput.BucketViews count -> {
                        out.writeByte(BUCKET_VIEWS);
                        out.writeUTF(count.articleId());
                        out.writeLong(count.bucket());
                        out.writeLong(count.views());
                    }
                    case RankingInput.ArticleChange change -> {
                        out.writeByte(ARTICLE_CHANGE);
                        out.writeUTF(change.articleId());
                        out.writeBoolean(change.article() != null);
                        if (change.article() != null) {
                            writeArticle(out, change.article());
                        }
                    }
                }
            },
            in -> switch (in.readByte()) {
                case BUCKET_VIEWS -> new RankingInput.BucketViews(in.readUTF(), in.readLong(), in.readLong());
                case ARTICLE_CHANGE ->
                    new RankingInput.ArticleChange(in.readUTF(), in.readBoolean() ? readArticle(in) : null);
                default -> throw new IOException("unknown ranking input");
            });

    static final Serde<Leaderboard> LEADERBOARD = internal(
            (out, board) -> {
                out.writeInt(board.entries().size());
                for (Leaderboard.Entry entry : board.entries()) {
                    writeArticle(out, entry.article());
                    out.writeLong(entry.views());
                    out.writeDouble(entry.score());
                }
            },
            in -> {
                int size = in.readInt();
                List<Leaderboard.Entry> entries = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    entries.add(new Leaderboard.Entry(readArticle(in), in.readLong(), in.readDouble()));
                }
                return new Leaderboard(entries);
            });

    private TrendingSerdes() {}

    static <T extends SpecificRecord> Serde<T> avro(Class<T> type, SchemaRegistry schemas) {
        return Serdes.serdeFrom(new AvroSerializer<>(type, schemas), new AvroDeserializer<>(type, schemas));
    }

    private static void writeArticle(DataOutputStream out, ArticleInfo article) throws IOException {
        out.writeUTF(article.id());
        out.writeLong(article.revision());
        out.writeBoolean(article.published());
        out.writeUTF(article.title());
        out.writeUTF(article.url());
        out.writeUTF(article.category());
        out.writeLong(article.publishedAt());
    }

    private static ArticleInfo readArticle(DataInputStream in) throws IOException {
        return new ArticleInfo(
                in.readUTF(), in.readLong(), in.readBoolean(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong());
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> internal(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom(
                (topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                            DataOutputStream out = new DataOutputStream(bytes)) {
                        out.writeByte(FORMAT_V1);
                        writer.write(out, value);
                        out.flush();
                        return bytes.toByteArray();
                    } catch (IOException e) {
                        throw new SerializationException("cannot write " + value + " for " + topic, e);
                    }
                },
                (topic, data) -> {
                    if (data == null) {
                        return null;
                    }
                    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                        byte format = in.readByte();
                        if (format != FORMAT_V1) {
                            throw new SerializationException("unknown format " + format + " in a record of " + topic);
                        }
                        return reader.read(in);
                    } catch (IOException e) {
                        throw new SerializationException("corrupt record in " + topic, e);
                    }
                });
    }
}
