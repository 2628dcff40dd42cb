package io.kabar.site.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a 412 means for the editor: the fields someone else changed since the form was opened, and the editor's own
 * changes laid over the newest revision (a three-way merge per field), ready to save again. A field both changed
 * keeps the editor's value and is marked, so nothing is lost silently.
 *
 * @param changes one entry per field someone else changed
 * @param merged  the newest revision with the editor's changes reapplied
 */
record Conflict(List<Change> changes, ArticleForm merged) {

    /** A field the other writer changed: its label, their value, the editor's value, and whether both changed it. */
    record Change(String field, String label, String theirs, String mine, boolean both) {}

    static Conflict of(ArticleForm opened, ArticleForm mine, ArticleForm current) {
        Map<String, String> base = opened.values();
        Map<String, String> ours = mine.values();
        Map<String, String> theirs = current.values();
        Map<String, String> merged = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        ArticleForm.LABELS.forEach((field, label) -> {
            boolean weChanged = !ours.get(field).equals(base.get(field));
            boolean theyChanged = !theirs.get(field).equals(base.get(field));
            merged.put(field, weChanged ? ours.get(field) : theirs.get(field));
            if (theyChanged) {
                changes.add(new Change(
                        field,
                        label,
                        theirs.get(field),
                        ours.get(field),
                        weChanged && !ours.get(field).equals(theirs.get(field))));
            }
        });
        return new Conflict(changes, ArticleForm.fromValues(merged));
    }
}
