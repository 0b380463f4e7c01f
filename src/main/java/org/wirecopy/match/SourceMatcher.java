package org.wirecopy.match;

import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;
import org.wirecopy.text.Paragraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the reference stories a paragraph was pasted from.
 *
 * <p>For each paragraph: its words (after {@link org.wirecopy.text.TextNormalizer}) are cut into shingles of
 * {@link IndexConfig#shingleSize()} words; the MinHash signature's bands look up candidate source paragraphs in the
 * index (LSH); candidates sharing too few shingles are dropped; the rest are grouped by story, and the paragraph is
 * aligned word by word with each story's candidate paragraphs joined in story order. The alignment gives the
 * coverage (share of the paragraph's words copied), the matched source paragraphs and the edits. Stories with
 * coverage of at least {@link MatchConfig#minCoverage()} and {@link MatchConfig#minCoveredWords()} copied words are
 * reported, best first. In a whole article, among stories tied for best (the same text in several stories), the one
 * that other paragraphs of the article also match comes first.
 *
 * <pre>{@code
 * SourceMatcher matcher = new SourceMatcher(SourceIndex.open(Path.of("wire.idx")), MatchConfig.defaults());
 * ArticleMatch m = matcher.match(textOrHtml);
 * for (ParagraphMatch p : m.paragraphs())
 *     p.best().ifPresent(s -> System.out.println(p.index() + " <- " + s.story().id() + " " + s.coverage()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 */
public final class SourceMatcher {

    private final SourceIndex index;
    private final MatchConfig config;

    /**
     * A matcher against {@code index}.
     *
     * @param index  the open index of reference stories; not null
     * @param config how to verify candidates and what to report; not null
     */
    public SourceMatcher(SourceIndex index, MatchConfig config) {
        this.index = Objects.requireNonNull(index, "index");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** {@return the index matched against} */
    public SourceIndex index() {
        return index;
    }

    /** {@return the matching configuration} */
    public MatchConfig config() {
        return config;
    }

    /**
     * Matches every paragraph of text or HTML (layout detected as by the classifier).
     *
     * @param textOrHtml an article as plain text or an HTML page
     * @return one entry per paragraph
     * @throws org.wirecopy.text.ArticleInputException when the input is over a size limit of
     *                                                 {@link ArticleReader}
     */
    public ArticleMatch match(String textOrHtml) {
        return match(ArticleReader.read(textOrHtml, InputFormat.AUTO));
    }

    /**
     * Matches paragraphs given one by one.
     *
     * @param paragraphs the paragraphs' texts, in reading order
     * @return one entry per paragraph
     */
    public ArticleMatch matchParagraphs(List<String> paragraphs) {
        return match(Article.ofParagraphs(paragraphs));
    }

    /**
     * Matches every paragraph of an article.
     *
     * @param article an article read by {@link ArticleReader}
     * @return one entry per paragraph
     */
    public ArticleMatch match(Article article) {
        List<ParagraphMatch> out = new ArrayList<>(article.size());
        for (Paragraph p : article.paragraphs()) out.add(match(p.index(), p.text(), p.normalizedText()));
        return new ArticleMatch(preferCommonStories(out));
    }

    /**
     * Among matches tied for best (same coverage and Jaccard: the same text is in several stories, as with repeated
     * or corrected wire stories), puts first the story that is tied-best for the most paragraphs of the article.
     */
    static List<ParagraphMatch> preferCommonStories(List<ParagraphMatch> ps) {
        java.util.Map<Integer, Integer> votes = new java.util.HashMap<>();
        for (ParagraphMatch p : ps) {
            for (SourceMatch m : tiedBest(p)) votes.merge(m.story().index(), 1, Integer::sum);
        }
        List<ParagraphMatch> out = new ArrayList<>(ps.size());
        for (ParagraphMatch p : ps) {
            List<SourceMatch> tied = tiedBest(p);
            if (tied.size() < 2) {
                out.add(p);
                continue;
            }
            List<SourceMatch> order = new ArrayList<>(tied);
            order.sort(Comparator.comparingInt((SourceMatch m) -> -votes.get(m.story().index()))
                    .thenComparingInt(m -> m.story().index()));
            order.addAll(p.matches().subList(tied.size(), p.matches().size()));
            out.add(new ParagraphMatch(p.index(), p.text(), p.words(), order));
        }
        return out;
    }

    private static List<SourceMatch> tiedBest(ParagraphMatch p) {
        List<SourceMatch> ms = p.matches();
        int n = 0;
        while (n < ms.size() && ms.get(n).coverage() == ms.get(0).coverage()
                && ms.get(n).jaccard() == ms.get(0).jaccard()) {
            n++;
        }
        return ms.subList(0, n);
    }

    /**
     * Matches one paragraph (as paragraph 0 of an article).
     *
     * @param text the paragraph's text
     * @return its matches
     */
    public ParagraphMatch matchParagraph(String text) {
        return match(0, text, org.wirecopy.text.TextNormalizer.normalize(text));
    }

    private ParagraphMatch match(int position, String text, String normalized) {
        Words q = Words.ofNormalized(normalized);
        if (q.size() > config.maxWords()) q = q.head(config.maxWords());
        int words = q.wordCount();
        IndexConfig ic = index.config();
        if (words < ic.minWords()) return new ParagraphMatch(position, text, words, List.of());
        Hashing hashing = index.hashing();
        long[] qs = hashing.shingles(q);
        if (qs.length == 0) return new ParagraphMatch(position, text, words, List.of());

        // 1. candidates from the LSH bands
        IntList cands = new IntList();
        for (int key : hashing.bandKeys(qs)) index.lookup(key, config.maxBucket(), cands::add);
        int[] ids = cands.sortedDistinct();
        if (ids.length == 0) return new ParagraphMatch(position, text, words, List.of());

        // 2. shingle filter
        int need = Math.max(1, (int) Math.ceil(config.minContainment() * qs.length));
        List<Candidate> kept = new ArrayList<>();
        for (int p : ids) {
            Words w = index.words(p);
            long[] cs = hashing.shingles(w);
            int shared = Hashing.shared(qs, cs);
            if (shared >= need) kept.add(new Candidate(p, index.storyOf(p), shared, w, cs));
        }
        if (kept.isEmpty()) return new ParagraphMatch(position, text, words, List.of());

        // 3. align with each story's candidates
        kept.sort(Comparator.comparingInt((Candidate c) -> c.story).thenComparingInt(c -> c.paragraph));
        List<SourceMatch> matches = new ArrayList<>();
        for (int from = 0; from < kept.size(); ) {
            int to = from;
            while (to < kept.size() && kept.get(to).story == kept.get(from).story) to++;
            SourceMatch m = verify(q, qs, kept.subList(from, to));
            if (m != null) matches.add(m);
            from = to;
        }
        matches.sort(Comparator.comparingDouble(SourceMatch::coverage).reversed()
                .thenComparing(Comparator.comparingDouble(SourceMatch::jaccard).reversed())
                .thenComparingInt(m -> m.story().index()));
        if (matches.size() > config.top()) matches = matches.subList(0, config.top());
        return new ParagraphMatch(position, text, words, matches);
    }

    /**
     * Aligns the pasted words with one story's candidate paragraphs and their neighbours in the story (a short
     * paragraph merged into a longer one may have no band in common with the whole); null when the coverage is too
     * low. The candidate sharing most shingles is aligned first: when it alone covers all but minRun of the pasted
     * words, it is the source. Otherwise the candidates and their neighbours that share a shingle with the pasted text
     * (a copied run of their own) are joined in story order.
     * When the joined alignment touches only some of them, it is redone on the touched range, so that a word of an
     * untouched paragraph cannot stand in for the same word of the copied one.
     */
    private SourceMatch verify(Words q, long[] qs, List<Candidate> group) {
        List<Candidate> use = new ArrayList<>(group);
        if (use.size() > config.maxSourceParagraphs()) {
            use.sort(Comparator.comparingInt((Candidate c) -> -c.shared).thenComparingInt(c -> c.paragraph));
            use = new ArrayList<>(use.subList(0, config.maxSourceParagraphs()));
        }
        int story = use.get(0).story;
        Candidate best = use.get(0);
        for (Candidate cand : use) {
            if (cand.shared > best.shared || (cand.shared == best.shared && cand.paragraph < best.paragraph)) {
                best = cand;
            }
        }
        Comparison c = compare(q, List.of(best));
        if (c.covered() >= q.wordCount() - config.minRun()) {
            use = List.of(best); // one paragraph is the source of (nearly) every word
        } else {
            java.util.TreeMap<Integer, Candidate> byParagraph = new java.util.TreeMap<>();
            for (Candidate cand : use) byParagraph.put(cand.paragraph, cand);
            for (Candidate cand : use) {
                for (int p : new int[]{cand.paragraph - 1, cand.paragraph + 1}) {
                    if (p >= 0 && p < index.paragraphCount() && !byParagraph.containsKey(p)
                            && index.storyOf(p) == story) {
                        Words w = index.words(p);
                        long[] ws = index.hashing().shingles(w);
                        int shared = Hashing.shared(qs, ws);
                        if (shared > 0) byParagraph.put(p, new Candidate(p, story, shared, w, ws));
                    }
                }
            }
            use = new ArrayList<>(byParagraph.values());
            if (use.size() > 1) {
                c = compare(q, use);
                if (c.paragraphs().length > 0) {
                    int from = c.paragraphs()[0];
                    int to = c.paragraphs()[c.paragraphs().length - 1] + 1;
                    if (from > 0 || to < use.size()) {
                        use = use.subList(from, to);
                        c = compare(q, use);
                    }
                }
            }
        }
        double coverage = (double) c.covered() / q.wordCount();
        if (coverage < config.minCoverage() || c.covered() < config.minCoveredWords()) return null;
        Story s = index.story(story);
        List<Integer> paras = new ArrayList<>();
        List<Words> matched = new ArrayList<>();
        int sourceWords = 0;
        for (int p : c.paragraphs()) {
            Candidate cand = use.get(p);
            paras.add(cand.paragraph - s.firstParagraph());
            matched.add(cand.words);
            sourceWords += cand.words.wordCount();
        }
        long[] ss = matched.size() == 1 ? use.get(c.paragraphs()[0]).shingles
                : index.hashing().shingles(Words.concat(matched));
        int shared = Hashing.shared(qs, ss);
        double containment = (double) shared / qs.length;
        double jaccard = (double) shared / (qs.length + ss.length - shared);
        return new SourceMatch(s, paras, coverage, containment, jaccard, c.covered(), sourceWords,
                c.verbatim(q.wordCount()), c.edits());
    }

    private Comparison compare(Words q, List<Candidate> use) {
        List<Words> parts = new ArrayList<>(use.size());
        int[] starts = new int[use.size()];
        int at = 0;
        for (int i = 0; i < use.size(); i++) {
            starts[i] = at;
            parts.add(use.get(i).words);
            at += use.get(i).words.size();
        }
        return Comparison.of(q, Words.concat(parts), starts, config.minRun());
    }

    private record Candidate(int paragraph, int story, int shared, Words words, long[] shingles) {
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] sortedDistinct() {
            int[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            int u = 0;
            for (int i = 0; i < s.length; i++) if (u == 0 || s[i] != s[u - 1]) s[u++] = s[i];
            return Arrays.copyOf(s, u);
        }
    }
}
