package io.kabar.related.ranking;

/**
 * One "Baca Juga" link proposed for an article, best first in the lists the finder returns.
 *
 * @param id linked story id
 * @param title linked story headline
 * @param url linked story address
 * @param score combined ranking score; only meaningful for ordering within one list
 */
public record RelatedLink(String id, String title, String url, double score) {}
