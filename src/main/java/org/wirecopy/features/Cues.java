package org.wirecopy.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written cue features of one paragraph: who-wrote-it signals that word n-grams see poorly. Every value is scaled
 * to about [0, 1]. The list and order are part of the feature version ({@link FeatureConfig#CURRENT_VERSION}); changing
 * them needs a new version.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cues {

    /** Names of the cues, in vector order. */
    public static final List<String> NAMES = List.of(
            "length", "words", "sentences", "tiny", "short", "no_final_punct", "ends_colon", "ends_ellipsis",
            "starts_ellipsis_or_lower", "starts_quote", "ends_quote", "quote_marks", "inside_quotes",
            "first_person_singular", "first_person_plural", "second_person", "attribution_verbs", "said_after_quote",
            "according_to", "weekday", "month", "agency_name", "dateline", "credit_at_end", "lead_in_shape",
            "update_prefix", "hedges_modals", "evaluative", "intensifiers", "question", "exclamation", "digits",
            "percent_or_currency", "capitalised_words", "all_caps_words", "age_apposition", "titles_and_officials",
            "contractions", "url_or_handle", "pipe_or_bullet", "time_of_day", "furniture_words", "ellipsis_inside",
            "brackets", "numbered_item", "past_tense_ed", "position", "is_first", "is_last", "near_end",
            "article_length", "in_blockquote", "heading", "headline_case", "refers_back");

    /** Number of cues. */
    public static final int COUNT = NAMES.size();

    private static final Set<String> FIRST_SINGULAR = Set.of("i", "me", "my", "mine", "myself", "i'm", "i've",
            "i'd", "i'll");
    private static final Set<String> FIRST_PLURAL = Set.of("we", "us", "our", "ours", "ourselves", "we're", "we've",
            "we'd", "we'll", "let's");
    private static final Set<String> SECOND = Set.of("you", "your", "yours", "yourself", "you're", "you've", "you'd",
            "you'll", "y'all");
    private static final Set<String> ATTRIBUTION = Set.of("said", "says", "told", "added", "stated", "announced",
            "noted", "declined", "confirmed", "acknowledged", "insisted", "warned", "argued", "explained", "wrote",
            "testified", "estimated", "predicted", "asserted", "contended", "spokesman", "spokeswoman", "spokesperson",
            "statement", "interview", "briefing", "asked");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sept", "sep", "oct", "nov", "dec");
    /** Agency and newspaper names, as whole words (no regex syntax in them). */
    private static final List<String> AGENCY_NAMES = List.of("AP", "Associated Press", "Reuters", "AFP",
            "Agence France-Presse", "Bloomberg", "UPI", "United Press International", "Dow Jones", "Xinhua", "Kyodo",
            "Yonhap", "TASS", "Interfax", "dpa", "ANSA", "EFE", "PTI", "Press Association", "CNN", "BBC", "NPR",
            "New York Times", "Washington Post", "Wall Street Journal", "Financial Times", "Guardian", "Times", "Post",
            "Journal", "Tribune", "Herald", "Gazette", "Chronicle", "Globe", "Daily", "Bureau", "Newswire", "Wire");
    private static final Pattern AGENCY = Pattern.compile("\\b(" + String.join("|", AGENCY_NAMES) + ")\\b");
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:[A-Z][A-Z.'\\-]+(?: [A-Z][A-Z.'\\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                    + "(?:,? [A-Z][a-z]{2,8}\\.? \\d{1,2})?(?: ?\\([A-Za-z .&-]{2,30}\\))? ?-{1,3} "
                    + "|\\([A-Z][A-Za-z .&-]{1,30}\\) ?-{1,3} )");
    private static final Pattern CREDIT_END = Pattern.compile(
            "(?:\\((?:via |h/t |hat tip |source: )?[A-Z][\\w .&'/-]{1,40}\\)\\.?|(?:h/t|H/T|via|Via|HT:?) [A-Z][\\w .&'-]{1,40}\\.?)$");
    private static final Pattern UPDATE = Pattern.compile(
            "^(?:UPDATE|Update|UPDATED|Updated|ADDED|Added|ADDENDUM|Addendum|CORRECTION|Correction|EDIT|Edit|"
                    + "Editor's note|EDITOR'S NOTE|LATER|Later|MORE|Bump|BUMP)\\b[^.]{0,40}?[:.-]");
    private static final Set<String> HEDGES = Set.of("maybe", "perhaps", "probably", "apparently", "seems", "seem",
            "seemed", "might", "could", "would", "should", "must", "possibly", "presumably", "arguably", "surely",
            "likely", "unlikely", "suspect", "guess", "think", "believe", "wonder", "suppose", "assume", "doubt");
    private static final Set<String> EVALUATIVE = Set.of("absurd", "ridiculous", "great", "terrible", "stupid",
            "insane", "shameful", "disgrace", "disgraceful", "idiot", "idiots", "idiotic", "pathetic", "brilliant",
            "excellent", "awful", "wonderful", "horrible", "obviously", "clearly", "frankly", "honestly", "sadly",
            "fortunately", "unfortunately", "remarkable", "amazing", "outrageous", "nonsense", "silly", "dumb",
            "laughable", "crazy", "bizarre", "weird", "good", "bad", "worse", "worst", "best", "better", "nice",
            "lovely", "ugly", "disaster", "disastrous", "embarrassing", "hilarious", "ironic", "irony", "hypocrisy",
            "hypocrite", "hypocrites", "shocking", "sick", "fascinating", "interesting", "important", "wrong",
            "right", "fool", "fools", "foolish", "clown", "clowns", "garbage", "pure", "classic", "naturally",
            "predictable", "predictably", "incompetent", "corrupt", "nuts", "lol", "wow", "ugh", "yikes", "alas",
            "hell", "damn", "sure", "indeed", "simply", "merely", "hardly", "utter", "blatant", "cynical", "smug",
            "sanctimonious", "glad", "sorry", "hope", "love", "hate", "shame", "joke", "farce", "circus", "mess",
            "genius", "spectacular", "spectacularly", "tragic", "tragically");
    private static final Set<String> INTENSIFIERS = Set.of("very", "really", "so", "totally", "utterly",
            "absolutely", "completely", "entirely", "extremely", "incredibly", "truly", "quite", "just", "even",
            "literally", "definitely", "certainly", "exactly", "precisely", "all");
    private static final Set<String> TITLES = Set.of("mr", "ms", "mrs", "dr", "sen", "rep", "gov", "gen", "lt",
            "col", "capt", "sgt", "president", "minister", "secretary", "officials", "official", "spokesman",
            "spokeswoman", "spokesperson", "chief", "executive", "director", "chairman", "chairwoman", "analyst",
            "analysts", "economists", "economist", "prosecutors", "police", "authorities", "ministry", "agency",
            "department", "lawmakers", "senator", "governor", "mayor", "councilman", "councilwoman", "commissioner",
            "professor", "researchers", "coach", "ceo", "cfo");
    private static final Set<String> FURNITURE = Set.of("advertisement", "advertising", "ad", "ads", "sponsored",
            "share", "shares", "sharing", "subscribe", "subscription", "subscriber", "subscribers", "comments",
            "comment", "tags", "tagged", "labels", "posted", "permalink", "sign", "newsletter", "newsletters", "click",
            "follow", "related", "photo", "photos", "image", "credit", "getty", "read", "more", "tip", "jar", "donate",
            "donation", "member", "members", "membership", "vip", "join", "log", "login", "cookies", "cookie",
            "affiliate", "video", "videos", "watch", "trending", "loading", "print", "email", "tweet", "facebook",
            "twitter", "reddit", "whatsapp", "linkedin", "filed", "categories", "category", "author", "inbox",
            "unsubscribe", "premium", "ad-free", "support", "continue", "reading", "story", "continues", "below",
            "above", "recommended", "popular", "previous", "next", "reply", "replies", "like", "likes", "copyright",
            "reserved", "rights", "pm", "am", "min", "by");
    private static final Pattern AGE = Pattern.compile(", \\d{1,3},");
    /** The writer pointing back at a quote just pasted: "the excerpt above", "that last paragraph". */
    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\b(?:excerpts?|(?:the|this|that) (?:passage|bit|quote|line|paragraph|story|report|piece) above"
                    + "|(?:that|the) last (?:paragraph|line|bit|sentence|part|quote)|(?:this|that) bit)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://|www\\.|\\.(?:com|org|net|gov|co\\.uk)\\b|(?:^|\\s)@\\w");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?|AM|PM)?");
    private static final Pattern NUMBERED = Pattern.compile("^(?:\\d{1,2}[.)]|[-*] |\\u2022)");
    private static final Pattern SAID_AFTER_QUOTE = Pattern.compile(
            "[,!?]\" (?:\\p{Lu}[\\w.'-]*(?: \\p{Lu}[\\w.'-]*){0,3}|he|she|they|it|officials?) (?:said|says|told|added|wrote)"
                    + "|\\b(?:said|says) (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|in a statement)");

    // Word-list membership of a token as bits, so that a token costs one hash lookup instead of one per list; bit k
    // counts into slot FS + k of Scratch.counts (see countWords).
    private static final int F_FIRST_SINGULAR = 1;
    private static final int F_FIRST_PLURAL = 1 << 1;
    private static final int F_SECOND = 1 << 2;
    private static final int F_ATTRIBUTION = 1 << 3;
    private static final int F_WEEKDAY = 1 << 4;
    private static final int F_MONTH = 1 << 5;
    private static final int F_HEDGE = 1 << 6;
    private static final int F_EVALUATIVE = 1 << 7;
    private static final int F_INTENSIFIER = 1 << 8;
    private static final int F_TITLE = 1 << 9;
    private static final int F_FURNITURE = 1 << 10;
    private static final WordTable WORD_FLAGS = new WordTable(wordFlags());

    /** The first two chars of the alternatives of {@link #AGENCY}: a match can only start with one of them. */
    private static final boolean[] AGENCY_START = firstTwoChars(AGENCY_NAMES);
    /** A {@link #CREDIT_END} match is at most 52 chars long and ends the text, so only the tail needs reading. */
    private static final int CREDIT_END_REACH = 64;

    private Cues() {
    }

    /**
     * Computes the cues of paragraph {@code index} of an article with {@code count} paragraphs.
     *
     * @param text            normalised text
     * @param tokens          lower-cased tokens of {@code text} (see {@link Tokenizer})
     * @param index           the paragraph's position in the article, from 0
     * @param count           the number of paragraphs in the article, at least 1
     * @param blockquoteDepth how many {@code blockquote} elements enclose it
     * @param headingLevel    1 to 6 for a heading, 0 otherwise
     * @param out             receives {@link #COUNT} values at {@code offset}
     * @param offset          where in {@code out} the first value goes
     */
    public static void compute(String text, List<String> tokens, int index, int count, int blockquoteDepth,
                               int headingLevel, float[] out, int offset) {
        Scratch scratch = new Scratch();
        compute(text, scratch.load(text), Tokens.of(tokens), index, count, blockquoteDepth, headingLevel, out, offset,
                scratch);
    }

    /**
     * Reusable matchers and a char buffer for {@link #compute}, so that a paragraph allocates none. Not thread-safe:
     * one per thread (the feature extractor keeps one per thread).
     */
    static final class Scratch {
        private char[] chars = new char[512];
        final int[] counts = new int[SLOTS];
        final Matcher saidAfterQuote = SAID_AFTER_QUOTE.matcher("").useTransparentBounds(true)
                .useAnchoringBounds(false);
        final Matcher agency = AGENCY.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        final Matcher dateline = DATELINE.matcher("");
        final Matcher creditEnd = CREDIT_END.matcher("");
        final Matcher update = UPDATE.matcher("");
        final Matcher age = AGE.matcher("");
        final Matcher url = URL.matcher("");
        final Matcher time = TIME.matcher("");
        final Matcher numbered = NUMBERED.matcher("");
        final Matcher refersBack = REFERS_BACK.matcher("").useTransparentBounds(true).useAnchoringBounds(false);

        /** The length of the reused char array. */
        int capacity() {
            return chars.length;
        }

        /** The chars of {@code text} in a reused array (valid up to {@code text.length()}). */
        char[] load(String text) {
            if (chars.length < text.length()) chars = new char[Math.max(text.length(), 2 * chars.length)];
            text.getChars(0, text.length(), chars, 0);
            return chars;
        }
    }

    /**
     * {@link #compute(String, List, int, int, int, int, float[], int)} with reusable scratch space; {@code chars}
     * holds the chars of {@code text} (see {@link Scratch#load}), {@code tokens} its tokens.
     */
    static void compute(String text, char[] chars, Tokens tokens, int index, int count, int blockquoteDepth,
                        int headingLevel, float[] out, int offset, Scratch m) {
        int[] c = m.counts;
        countWords(tokens, c);
        int len = text.length();
        countCase(chars, len, c);
        countQuotes(chars, len, c);
        int words = c[WORDS];
        int fs = c[FS], fp = c[FP], sp = c[SP], attr = c[ATTR], wd = c[WD], mon = c[MON], hedge = c[HEDGE];
        int eval = c[EVAL], intens = c[INTENS], digits = c[DIGITS], titles = c[TITLE_WORDS];
        int contractions = c[CONTRACTIONS], furniture = c[FURNITURE_WORDS], ed = c[ED];
        int capitalised = c[CAPITALISED];
        int allCaps = c[ALL_CAPS], according = c[ACCORDING], wordIndex = c[WORD_INDEX];
        int quotes = c[QUOTES], inside = c[INSIDE], questions = c[QUESTIONS], exclamations = c[EXCLAMATIONS];
        float insideQuotes = len == 0 ? 0 : inside / (float) len;
        float w = Math.max(1, words);
        String trimmed = text.strip();
        // trimmed is chars[ts, te)
        int ts = 0;
        if (trimmed != text) while (ts < len && Character.isWhitespace(chars[ts])) ts++;
        int te = ts + trimmed.length();
        char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        char first = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
        int sentences = Math.max(1, countSentences(chars, ts, te));
        int k = offset;
        out[k++] = clip((float) Math.log1p(len) / 8f, 1.5f);
        out[k++] = clip((float) Math.log1p(words) / 6f, 1.5f);
        out[k++] = Math.min(sentences, 10) / 10f;
        out[k++] = words <= 3 ? 1 : 0;
        out[k++] = words <= 12 ? 1 : 0;
        out[k++] = ".?!\"')]".indexOf(last) < 0 && !trimmed.endsWith("...") ? 1 : 0;
        out[k++] = last == ':' ? 1 : 0;
        out[k++] = trimmed.endsWith("...") || (trimmed.endsWith("-") && !trimmed.endsWith("--")) ? 1 : 0;
        out[k++] = trimmed.startsWith("...") || Character.isLowerCase(first) ? 1 : 0;
        out[k++] = first == '"' || first == '\'' ? 1 : 0;
        out[k++] = last == '"' || (trimmed.length() > 1 && last == '.' && trimmed.charAt(trimmed.length() - 2) == '"') ? 1 : 0;
        out[k++] = clip(quotes / w * 5f, 1f);
        out[k++] = insideQuotes;
        out[k++] = clip(fs / w * 10f, 1f);
        out[k++] = clip(fp / w * 10f, 1f);
        out[k++] = clip(sp / w * 10f, 1f);
        out[k++] = clip(attr / w * 10f, 1f);
        out[k++] = saidAfterQuote(m.saidAfterQuote, text, chars) ? 1 : 0;
        out[k++] = according > 0 ? 1 : 0;
        out[k++] = wd > 0 ? 1 : 0;
        out[k++] = mon > 0 ? 1 : 0;
        out[k++] = agency(m.agency, text, chars) ? 1 : 0;
        out[k++] = mayStartDateline(text) && m.dateline.reset(text).lookingAt() ? 1 : 0;
        out[k++] = creditEnd(m.creditEnd, trimmed) ? 1 : 0;
        out[k++] = last == ':' && words <= 30 ? 1 : 0;
        out[k++] = mayStartUpdate(trimmed) && m.update.reset(trimmed).lookingAt() ? 1 : 0;
        out[k++] = clip(hedge / w * 10f, 1f);
        out[k++] = clip(eval / w * 10f, 1f);
        out[k++] = clip(intens / w * 10f, 1f);
        out[k++] = Math.min(questions, 3) / 3f;
        out[k++] = Math.min(exclamations, 3) / 3f;
        out[k++] = clip(digits / w * 5f, 1f);
        out[k++] = text.indexOf('%') >= 0 || text.indexOf('$') >= 0 || text.indexOf('\u20AC') >= 0
                || text.indexOf('\u00A3') >= 0 ? 1 : 0;
        out[k++] = clip(capitalised / w * 3f, 1f);
        out[k++] = clip(allCaps / w * 3f, 1f);
        out[k++] = hasCommaSpaceDigit(text) && m.age.reset(text).find() ? 1 : 0;
        out[k++] = clip(titles / w * 10f, 1f);
        out[k++] = clip(contractions / w * 10f, 1f);
        out[k++] = mayHoldUrl(text) && m.url.reset(text).find() ? 1 : 0;
        out[k++] = text.indexOf('|') >= 0 || text.indexOf('\u2022') >= 0 || text.indexOf('\u00BB') >= 0 ? 1 : 0;
        out[k++] = hasDigitColonDigit(text) && m.time.reset(text).find() ? 1 : 0;
        out[k++] = clip(furniture / w * 3f, 1f);
        out[k++] = Math.min(countOf(text, "..."), 3) / 3f;
        out[k++] = text.indexOf('[') >= 0 ? 1 : 0;
        out[k++] = mayStartNumbered(trimmed) && m.numbered.reset(trimmed).lookingAt() ? 1 : 0;
        out[k++] = clip(ed / w * 10f, 1f);
        out[k++] = count <= 1 ? 0 : index / (float) (count - 1);
        out[k++] = index == 0 ? 1 : 0;
        out[k++] = index == count - 1 ? 1 : 0;
        out[k++] = count - 1 - index <= 2 ? 1 : 0;
        out[k++] = clip((float) Math.log1p(count) / 4f, 1.5f);
        out[k++] = Math.min(blockquoteDepth, 2) / 2f;
        out[k++] = headingLevel > 0 ? 1 : 0;
        out[k++] = headlineCase(chars, ts, te, wordIndex) ? 1 : 0;
        out[k++] = refersBack(m.refersBack, text, chars) ? 1 : 0;
        if (k - offset != COUNT) throw new IllegalStateException("cue count mismatch: " + (k - offset));
    }

    // Slots of Scratch.counts. The counting loops are methods of their own, so that compute() has no loop: the JIT
    // then never compiles compute() on stack replacement, and recompiles less when one of them changes.
    private static final int WORDS = 0, FS = 1, FP = 2, SP = 3, ATTR = 4, WD = 5, MON = 6, HEDGE = 7, EVAL = 8,
            INTENS = 9, TITLE_WORDS = 10, FURNITURE_WORDS = 11, DIGITS = 12, ED = 13, CONTRACTIONS = 14,
            ACCORDING = 15, CAPITALISED = 16, ALL_CAPS = 17, WORD_INDEX = 18, QUOTES = 19, INSIDE = 20,
            QUESTIONS = 21, EXCLAMATIONS = 22, SLOTS = 23;

    /**
     * Words, word-list hits and word shapes of the lower-cased tokens: for each token t (a string), what these give
     * on it: {@code t.charAt(0)} a letter or digit (a word), the word lists' flags, {@code t.charAt(0) == '0'},
     * {@code t.endsWith("ed") && t.length() > 4}, {@code t.indexOf('\'') > 0} and one of the contraction endings,
     * {@code t.equals("to")} after the token "according".
     */
    private static void countWords(Tokens tokens, int[] c) {
        java.util.Arrays.fill(c, WORDS, ACCORDING + 1, 0);
        char[] s = tokens.chars;
        int[] start = tokens.start;
        int[] hash = tokens.hash;
        boolean afterAccording = false;
        for (int i = 0, n = tokens.count; i < n; i++) {
            int from = start[i];
            int to = start[i + 1];
            int len = to - from;
            char first = s[from];
            if (!Tokenizer.isLetterOrDigit(first)) {
                afterAccording = false;
                continue;
            }
            c[WORDS]++;
            int f = WORD_FLAGS.flags(s, from, len, hash[i]);
            if (f != 0) {
                // the bit of list k counts into slot FS + k
                for (int k = 0; k < 11; k++) c[FS + k] += (f >>> k) & 1;
            }
            if (first == '0') c[DIGITS]++;
            char last = s[to - 1];
            if (len > 4 && last == 'd' && s[to - 2] == 'e') c[ED]++;
            if (contraction(s, from, to)) c[CONTRACTIONS]++;
            if (afterAccording && len == 2 && first == 't' && last == 'o') c[ACCORDING]++;
            afterAccording = len == 9 && equals(s, from, "according");
        }
    }

    /**
     * Whether the word s[from, to) (which starts with a letter or digit) holds an apostrophe and ends with "n't",
     * "'s", "'re", "'ve", "'ll", "'d" or "'m".
     */
    private static boolean contraction(char[] s, int from, int to) {
        // an ending with an apostrophe holds one, and the first char, a letter or digit, is not one: so
        // indexOf('\'') > 0 holds whenever one of the endings does
        int len = to - from;
        if (len < 2) return false;
        char last = s[to - 1];
        char before = s[to - 2];
        if (before == '\'') {
            return last == 's' || last == 'd' || last == 'm' || (last == 't' && len >= 3 && s[to - 3] == 'n');
        }
        if (len >= 3 && s[to - 3] == '\'') {
            return (before == 'r' || before == 'v') && last == 'e' || before == 'l' && last == 'l';
        }
        return false;
    }

    /** Whether s[from, from + word.length()) is {@code word}. */
    private static boolean equals(char[] s, int from, String word) {
        for (int k = 0; k < word.length(); k++) if (s[from + k] != word.charAt(k)) return false;
        return true;
    }

    /** Capitalised words not at a sentence start, all-caps words and the word count, in the original case. */
    private static void countCase(char[] chars, int len, int[] c) {
        int capitalised = 0, allCaps = 0, wordIndex = 0;
        boolean sentenceStart = true;
        for (int i = 0; i < len; ) {
            char ch = chars[i];
            if (Tokenizer.isLetter(ch)) {
                int j = i;
                boolean upperAll = true;
                while (j < len && (Tokenizer.isLetterOrDigit(chars[j]) || chars[j] == '\'')) {
                    if (Tokenizer.isLowerCase(chars[j])) upperAll = false;
                    j++;
                }
                if (!sentenceStart && Tokenizer.isUpperCase(ch)) capitalised++;
                if (upperAll && j - i >= 2) allCaps++;
                sentenceStart = false;
                wordIndex++;
                i = j;
            } else {
                if (ch == '.' || ch == '?' || ch == '!' || ch == ':' || ch == '"') sentenceStart = true;
                i++;
            }
        }
        c[CAPITALISED] = capitalised;
        c[ALL_CAPS] = allCaps;
        c[WORD_INDEX] = wordIndex;
    }

    /** Quote marks, the chars inside quotes, question and exclamation marks, in one pass. */
    private static void countQuotes(char[] chars, int len, int[] c) {
        int quotes = 0, inside = 0, questions = 0, exclamations = 0;
        boolean open = false;
        for (int i = 0; i < len; i++) {
            char ch = chars[i];
            if (ch == '"') {
                quotes++;
                open = !open;
            } else {
                if (open) inside++;
                if (ch == '?') questions++;
                else if (ch == '!') exclamations++;
            }
        }
        c[QUOTES] = quotes;
        c[INSIDE] = inside;
        c[QUESTIONS] = questions;
        c[EXCLAMATIONS] = exclamations;
    }

    private static float clip(float v, float max) {
        return v > max ? max : v;
    }

    private static int countOf(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    /** Sentence ends in chars[from, to): {@code .?!} before a space, a double quote or the end. */
    private static int countSentences(char[] s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if ((c == '.' || c == '?' || c == '!') && (i + 1 == to || s[i + 1] == ' ' || s[i + 1] == '"')) n++;
        }
        return n;
    }

    /** Title Case Words Without A Final Period, as headlines are set; the stripped text is chars[from, to). */
    private static boolean headlineCase(char[] t, int from, int to, int words) {
        if (words < 3 || words > 20) return false;
        if (to > from && t[to - 1] == '.') return false;
        int upper = 0, total = 0;
        // the words of the text split at single spaces: the first char of every run of non-spaces
        boolean afterSpace = true;
        for (int i = from; i < to; i++) {
            char c = t[i];
            boolean wordStart = afterSpace && c != ' ';
            afterSpace = c == ' ';
            if (!wordStart || !Tokenizer.isLetter(c)) continue;
            total++;
            if (Tokenizer.isUpperCase(c)) upper++;
        }
        return total >= 3 && upper >= 0.7 * total;
    }

    private static Map<String, Integer> wordFlags() {
        Map<String, Integer> m = new HashMap<>();
        addFlag(m, FIRST_SINGULAR, F_FIRST_SINGULAR);
        addFlag(m, FIRST_PLURAL, F_FIRST_PLURAL);
        addFlag(m, SECOND, F_SECOND);
        addFlag(m, ATTRIBUTION, F_ATTRIBUTION);
        addFlag(m, WEEKDAYS, F_WEEKDAY);
        addFlag(m, MONTHS, F_MONTH);
        addFlag(m, HEDGES, F_HEDGE);
        addFlag(m, EVALUATIVE, F_EVALUATIVE);
        addFlag(m, INTENSIFIERS, F_INTENSIFIER);
        addFlag(m, TITLES, F_TITLE);
        addFlag(m, FURNITURE, F_FURNITURE);
        return Map.copyOf(m);
    }

    /**
     * The word lists' flags by word: what {@code Map.get} gives on {@link #wordFlags()}'s map (0 for a word in no
     * list), in an open-addressing table a quarter full with the keys' hash codes beside them, so that a token in
     * no list (most of them) costs one hash code and about one int compare, without the division and boxing of
     * {@code Map.copyOf}'s table.
     */
    private static final class WordTable {
        private final char[][] keys;
        private final int[] hashes;
        private final int[] flags;
        private final int mask;

        WordTable(Map<String, Integer> words) {
            int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
            keys = new char[size][];
            hashes = new int[size];
            flags = new int[size];
            mask = size - 1;
            for (Map.Entry<String, Integer> e : words.entrySet()) {
                int h = e.getKey().hashCode();
                int i = spread(h) & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = e.getKey().toCharArray();
                hashes[i] = h;
                flags[i] = e.getValue();
            }
        }

        /**
         * The flags of the word s[from, from + len), whose {@link String#hashCode()} is {@code h}: those of the key
         * equal to it, or 0.
         */
        int flags(char[] s, int from, int len, int h) {
            for (int i = spread(h) & mask; keys[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == h && equal(keys[i], s, from, len)) return flags[i];
            }
            return 0;
        }

        /** Whether {@code key} is s[from, from + len). */
        private static boolean equal(char[] key, char[] s, int from, int len) {
            if (key.length != len) return false;
            for (int k = 0; k < len; k++) if (key[k] != s[from + k]) return false;
            return true;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    private static void addFlag(Map<String, Integer> m, Set<String> words, int flag) {
        for (String w : words) m.merge(w, flag, (a, b) -> a | b);
    }

    private static boolean[] firstTwoChars(List<String> alternatives) {
        boolean[] out = new boolean[128 * 128];
        for (String a : alternatives) out[a.charAt(0) * 128 + a.charAt(1)] = true;
        return out;
    }

    /*
     * The helpers below give exactly what find() or lookingAt() gives on the whole text, reading less. Each either
     * checks a condition that every match fulfils before running the pattern, or tries the pattern only at the
     * positions where a match can start (lookingAt() on a region from there, with transparent bounds so that \b sees
     * the char before the region as find() does). A test may let through texts or positions that cannot match, never
     * the reverse. Changing a pattern means changing its helper; ConsistencyTest compares them with a plain find().
     */

    /** {@code AGENCY.matcher(text).find()}: a match starts a word with the first two chars of an alternative. */
    private static boolean agency(Matcher m, String text, char[] chars) {
        int n = text.length();
        boolean reset = false;
        for (int i = 0; i + 1 < n; i++) {
            char c = chars[i];
            char d = chars[i + 1];
            if (c >= 128 || d >= 128 || !AGENCY_START[c * 128 + d] || !wordStart(chars, i)) continue;
            // the matcher is set to the text at the first candidate only (most texts have none)
            if (!reset) {
                m.reset(text);
                reset = true;
            }
            if (m.region(i, n).lookingAt()) return true;
        }
        return false;
    }

    /**
     * {@code REFERS_BACK.matcher(text).find()}: every match starts a word with "excerpt", or with "the ", "this " or
     * "that " and then one of the nouns or "last" (ASCII case-insensitive, as the pattern).
     */
    private static boolean refersBack(Matcher m, String text, char[] chars) {
        int n = text.length();
        boolean reset = false;
        for (int i = 0; i + 6 < n; i++) {
            char c = (char) (chars[i] | 0x20);
            char d = (char) (chars[i + 1] | 0x20);
            if (!(c == 't' && d == 'h') && !(c == 'e' && d == 'x')) continue;
            int next;
            if (startsWithIgnoreAsciiCase(chars, i, n, "excerpt")) {
                next = -1;
            } else if (startsWithIgnoreAsciiCase(chars, i, n, "the ")) {
                next = i + 4;
            } else if (startsWithIgnoreAsciiCase(chars, i, n, "this ")
                    || startsWithIgnoreAsciiCase(chars, i, n, "that ")) {
                next = i + 5;
            } else {
                continue;
            }
            if (next >= 0 && !startsWithReferredNoun(chars, next, n)) continue;
            if (!wordStart(chars, i)) continue;
            if (!reset) {
                m.reset(text);
                reset = true;
            }
            if (m.region(i, n).lookingAt()) return true;
        }
        return false;
    }

    /** The words that may follow "the ", "this " or "that " in a {@link #REFERS_BACK} match. */
    private static final List<String> REFERRED = List.of("passage", "bit", "quote", "line", "paragraph", "story",
            "report", "piece", "last");

    /** Whether chars[i, n) starts with one of {@link #REFERRED}, ASCII letters compared case-insensitively. */
    private static boolean startsWithReferredNoun(char[] chars, int i, int n) {
        if (i >= n) return false;
        char f = (char) (chars[i] | 0x20);
        if (f != 'p' && f != 'b' && f != 'q' && f != 'l' && f != 's' && f != 'r') return false;
        for (int k = 0; k < REFERRED.size(); k++) {
            if (startsWithIgnoreAsciiCase(chars, i, n, REFERRED.get(k))) return true;
        }
        return false;
    }

    /** Whether chars[i, n) starts with {@code lower} (lower-case ASCII), ASCII letters compared case-insensitively. */
    private static boolean startsWithIgnoreAsciiCase(char[] chars, int i, int n, String lower) {
        if (i + lower.length() > n) return false;
        for (int k = 0; k < lower.length(); k++) {
            char c = chars[i + k];
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            if (c != lower.charAt(k)) return false;
        }
        return true;
    }

    /**
     * {@code SAID_AFTER_QUOTE.matcher(text).find()}: a match starts either at one of {@code ,!?} followed by a double
     * quote and a space, or at a word "said " or "says " followed by a weekday or "in a statement", with or without
     * "on " between.
     */
    private static boolean saidAfterQuote(Matcher m, String text, char[] chars) {
        int n = text.length();
        boolean reset = false;
        for (int i = 0; i + 2 < n; i++) {
            char c = chars[i];
            boolean candidate;
            if (c == ',' || c == '!' || c == '?') {
                candidate = chars[i + 1] == '"' && chars[i + 2] == ' ';
            } else if (c == 's') {
                candidate = (text.startsWith("said ", i) || text.startsWith("says ", i)) && wordStart(chars, i)
                        && (saidWhen(text, i + 5) || text.startsWith("on ", i + 5) && saidWhen(text, i + 8));
            } else {
                continue;
            }
            if (!candidate) continue;
            if (!reset) {
                m.reset(text);
                reset = true;
            }
            if (m.region(i, n).lookingAt()) return true;
        }
        return false;
    }

    /** The words that may follow "said " or "says " (and "on ") in a {@link #SAID_AFTER_QUOTE} match. */
    private static final List<String> SAID_WHEN = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "in a statement");

    /** Whether {@code text} holds one of {@link #SAID_WHEN} at {@code i}. */
    private static boolean saidWhen(String text, int i) {
        if (i >= text.length()) return false;
        char c = text.charAt(i);
        if (c != 'M' && c != 'T' && c != 'W' && c != 'F' && c != 'S' && c != 'i') return false;
        for (int k = 0; k < SAID_WHEN.size(); k++) if (text.startsWith(SAID_WHEN.get(k), i)) return true;
        return false;
    }

    /**
     * False only when {@code \b} cannot hold before the word char at {@code i}: the char before it is a word char.
     * (A supplementary or combining char before it is left to the pattern.)
     */
    private static boolean wordStart(char[] chars, int i) {
        if (i == 0) return true;
        char p = chars[i - 1];
        return !(p == '_' || Tokenizer.isLetterOrDigit(p));
    }

    /** Whether {@link #DATELINE} can match: it starts with an ASCII capital or {@code (}. */
    private static boolean mayStartDateline(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        return (c >= 'A' && c <= 'Z') || c == '(';
    }

    /** Whether {@link #UPDATE} can match: each of its words starts with U, A, C, E, L, M or B. */
    private static boolean mayStartUpdate(String trimmed) {
        if (trimmed.isEmpty()) return false;
        char c = trimmed.charAt(0);
        return c == 'U' || c == 'A' || c == 'C' || c == 'E' || c == 'L' || c == 'M' || c == 'B';
    }

    /** Whether {@link #NUMBERED} can match: it starts with an ASCII digit, {@code -}, {@code *} or a bullet. */
    private static boolean mayStartNumbered(String trimmed) {
        if (trimmed.isEmpty()) return false;
        char c = trimmed.charAt(0);
        return isAsciiDigit(c) || c == '-' || c == '*' || c == '\u2022';
    }

    /** Whether {@code ", "} is followed by an ASCII digit somewhere (every {@link #AGE} match holds one). */
    private static boolean hasCommaSpaceDigit(String text) {
        for (int i = text.indexOf(", "); i >= 0; i = text.indexOf(", ", i + 1)) {
            if (i + 2 < text.length() && isAsciiDigit(text.charAt(i + 2))) return true;
        }
        return false;
    }

    /**
     * {@code CREDIT_END.matcher(trimmed).find()}, reading only the tail a match can lie in, and only when that tail
     * holds a {@code )} (first alternative) or one of "h/t ", "H/T ", "via ", "Via ", "HT" (second alternative).
     */
    private static boolean creditEnd(Matcher m, String trimmed) {
        int n = trimmed.length();
        int from = Math.max(0, n - CREDIT_END_REACH);
        if (trimmed.indexOf(')', from) < 0 && trimmed.indexOf("h/t ", from) < 0 && trimmed.indexOf("H/T ", from) < 0
                && trimmed.indexOf("via ", from) < 0 && trimmed.indexOf("Via ", from) < 0
                && trimmed.indexOf("HT", from) < 0) {
            return false;
        }
        m.reset(trimmed);
        if (from > 0) m.region(from, n);
        return m.find();
    }

    /** Whether {@link #URL} can match: each of its alternatives holds "://", "www.", '@' or '.' before c, o, n or g. */
    private static boolean mayHoldUrl(String text) {
        if (text.indexOf('@') >= 0 || text.indexOf("://") >= 0 || text.indexOf("www.") >= 0) return true;
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == 'c' || c == 'o' || c == 'n' || c == 'g') return true;
        }
        return false;
    }

    /** Whether an ASCII digit, a colon and an ASCII digit follow each other (every {@link #TIME} match holds one). */
    private static boolean hasDigitColonDigit(String text) {
        for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
            if (i > 0 && i + 1 < text.length() && isAsciiDigit(text.charAt(i - 1))
                    && isAsciiDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
