package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleRecords;
import io.kabar.article.catalog.Editorial;
import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.ArticleCommandOutcome;
import io.kabar.schemas.ArticleCommandResult;
import io.kabar.schemas.ArticleCommandType;
import io.kabar.schemas.ArticleContent;

/** Maps commands and outcomes between the Avro contract and the domain, at the Kafka edge only. */
final class CommandRecords {

    private CommandRecords() {}

    static ArticleCommand toAvro(Command c) {
        return ArticleCommand.newBuilder()
                .setRequestId(c.requestId())
                .setCommandType(
                        c.kind() == Command.Kind.TAKE_DOWN
                                ? ArticleCommandType.UNPUBLISH
                                : ArticleCommandType.valueOf(c.kind().name()))
                .setTakedown(c.kind() == Command.Kind.TAKE_DOWN)
                .setReason(c.reason())
                .setArticleId(c.articleId())
                .setExpectedRevision(
                        c.kind() == Command.Kind.PUBLISH || c.kind() == Command.Kind.TAKE_DOWN
                                ? null
                                : c.expectedRevision())
                .setContent(c.draft() == null ? null : toAvro(c.draft()))
                .setIdempotencyKey(c.idempotencyKey())
                .setRequestFingerprint(c.fingerprint())
                .setChangedBy(c.caller().subject())
                .setMayMarkBreaking(c.caller().mayMarkBreaking())
                .setDeadline(c.deadline())
                .build();
    }

    static Command fromAvro(ArticleCommand c) {
        return new Command(
                c.getRequestId(),
                c.getTakedown()
                        ? Command.Kind.TAKE_DOWN
                        : Command.Kind.valueOf(c.getCommandType().name()),
                c.getArticleId(),
                c.getExpectedRevision() == null ? 0 : c.getExpectedRevision(),
                c.getContent() == null ? null : fromAvro(c.getContent()),
                c.getIdempotencyKey(),
                c.getRequestFingerprint(),
                new Caller(c.getChangedBy(), c.getMayMarkBreaking()),
                c.getDeadline(),
                c.getReason());
    }

    private static ArticleContent toAvro(ArticleDraft d) {
        return ArticleContent.newBuilder()
                .setTitle(d.title())
                .setSummary(d.summary())
                .setBody(d.paragraphs())
                .setLanguage(d.language())
                .setCategory(d.category())
                .setTags(d.tags())
                .setAuthor(d.author())
                .setEditor(d.editor())
                .setSource(d.source())
                .setImageUrl(d.imageUrl())
                .setPublishedAt(d.publishedAt())
                .setBreaking(d.breaking())
                .setRelatedPins(d.editorial().relatedPins())
                .setExcludeFromRelated(d.editorial().excludeFromRelated())
                .setStoryPackage(d.editorial().storyPackage())
                .setAlertUrgency(
                        io.kabar.schemas.AlertUrgency.valueOf(d.alertUrgency().name()))
                .build();
    }

    private static ArticleDraft fromAvro(ArticleContent c) {
        return new ArticleDraft(
                c.getTitle(),
                c.getSummary(),
                c.getBody(),
                c.getLanguage(),
                c.getCategory(),
                c.getTags(),
                c.getAuthor(),
                c.getEditor(),
                c.getSource(),
                c.getImageUrl(),
                c.getPublishedAt(),
                c.getBreaking(),
                new Editorial(c.getRelatedPins(), c.getExcludeFromRelated(), c.getStoryPackage()),
                io.kabar.article.catalog.AlertUrgency.valueOf(
                        c.getAlertUrgency().name()));
    }

    static ArticleCommandOutcome toAvro(Outcome o) {
        return ArticleCommandOutcome.newBuilder()
                .setRequestId(o.requestId())
                .setResult(ArticleCommandResult.valueOf(o.result().name()))
                .setArticle(o.article() == null ? null : ArticleRecords.toAvro(o.article()))
                .setUnpublished(o.article() != null && !o.article().isPublished())
                .setCurrentRevision(o.result() == Outcome.Result.STALE_REVISION ? o.currentRevision() : null)
                .build();
    }

    static Outcome fromAvro(ArticleCommandOutcome o) {
        Article article = o.getArticle() == null
                ? null
                : ArticleRecords.fromAvro(
                        o.getArticle(), o.getUnpublished() ? Article.Status.UNPUBLISHED : Article.Status.PUBLISHED);
        return new Outcome(
                o.getRequestId(),
                Outcome.Result.valueOf(o.getResult().name()),
                article,
                o.getCurrentRevision() == null ? 0 : o.getCurrentRevision());
    }
}
