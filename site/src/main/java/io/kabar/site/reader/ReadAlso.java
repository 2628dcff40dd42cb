package io.kabar.site.reader;

import io.kabar.site.stories.Story;
import java.util.ArrayList;
import java.util.List;

/**
 * Places "Baca Juga" links between an article's paragraphs as the seed page does: the first after the third
 * paragraph, the last before the final one, the others evenly between (rounded half to even), at most one per three
 * paragraphs and at most {@value #MAX_LINKS}; the seed's 18 paragraphs get links after paragraphs 3, 6, 10, 14 and 17.
 */
final class ReadAlso {

    static final int MAX_LINKS = 5;
    private static final int FIRST_AFTER = 3;

    /** One block of the article body: a paragraph, or a link to another story. */
    public record Block(String paragraph, Story link) {}

    private ReadAlso() {}

    static List<Block> interleave(List<String> paragraphs, List<Story> related) {
        int n = paragraphs.size();
        int links = n < 2 ? 0 : Math.min(Math.min(MAX_LINKS, related.size()), Math.max(1, (n - 1) / FIRST_AFTER));
        boolean[] linkAfter = new boolean[n + 1];
        int first = Math.min(FIRST_AFTER, n - 1);
        for (int i = 0; i < links; i++) {
            double position = links == 1 ? first : first + i * (double) (n - 1 - first) / (links - 1);
            linkAfter[(int) Math.rint(position)] = true;
        }
        List<Block> blocks = new ArrayList<>(n + links);
        int next = 0;
        for (int p = 1; p <= n; p++) {
            blocks.add(new Block(paragraphs.get(p - 1), null));
            if (linkAfter[p]) {
                blocks.add(new Block(null, related.get(next++)));
            }
        }
        return blocks;
    }
}
