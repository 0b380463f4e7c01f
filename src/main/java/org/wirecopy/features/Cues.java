package org.wirecopy.features;

import java.util.List;
import java.util.Set;
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
    private static final Pattern AGENCY = Pattern.compile(
            "\\b(AP|Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|UPI|United Press International"
                    + "|Dow Jones|Xinhua|Kyodo|Yonhap|TASS|Interfax|dpa|ANSA|EFE|PTI|Press Association|CNN|BBC|NPR"
                    + "|New York Times|Washington Post|Wall Street Journal|Financial Times|Guardian|Times|Post|Journal"
                    + "|Tribune|Herald|Gazette|Chronicle|Globe|Daily|Bureau|Newswire|Wire)\\b");
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

    private Cues() {
    }

    /**
     * Computes the cues of paragraph {@code index} of an article with {@code count} paragraphs.
     *
     * @param text   normalised text
     * @param tokens lower-cased tokens of {@code text} (see {@link Tokenizer})
     * @param out    receives {@link #COUNT} values at {@code offset}
     */
    public static void compute(String text, List<String> tokens, int index, int count, int blockquoteDepth,
                               int headingLevel, float[] out, int offset) {
        int words = 0;
        int fs = 0, fp = 0, sp = 0, attr = 0, wd = 0, mon = 0, hedge = 0, eval = 0, intens = 0, digits = 0, titles = 0;
        int contractions = 0, furniture = 0, ed = 0, capitalised = 0, allCaps = 0, according = 0;
        String prev = "";
        for (String t : tokens) {
            if (!Character.isLetterOrDigit(t.charAt(0))) {
                prev = t;
                continue;
            }
            words++;
            if (FIRST_SINGULAR.contains(t)) fs++;
            if (FIRST_PLURAL.contains(t)) fp++;
            if (SECOND.contains(t)) sp++;
            if (ATTRIBUTION.contains(t)) attr++;
            if (WEEKDAYS.contains(t)) wd++;
            if (MONTHS.contains(t)) mon++;
            if (HEDGES.contains(t)) hedge++;
            if (EVALUATIVE.contains(t)) eval++;
            if (INTENSIFIERS.contains(t)) intens++;
            if (t.charAt(0) == '0') digits++;
            if (TITLES.contains(t)) titles++;
            if (FURNITURE.contains(t)) furniture++;
            if (t.endsWith("ed") && t.length() > 4) ed++;
            if (t.indexOf('\'') > 0 && (t.endsWith("n't") || t.endsWith("'s") || t.endsWith("'re")
                    || t.endsWith("'ve") || t.endsWith("'ll") || t.endsWith("'d") || t.endsWith("'m"))) {
                contractions++;
            }
            if (t.equals("to") && prev.equals("according")) according++;
            prev = t;
        }
        // capitalisation needs the original case
        boolean sentenceStart = true;
        int wordIndex = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int j = i;
                boolean upperAll = true;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '\'')) {
                    if (Character.isLowerCase(text.charAt(j))) upperAll = false;
                    j++;
                }
                if (!sentenceStart && Character.isUpperCase(c)) capitalised++;
                if (upperAll && j - i >= 2) allCaps++;
                sentenceStart = false;
                wordIndex++;
                i = j;
            } else {
                if (c == '.' || c == '?' || c == '!' || c == ':' || c == '"') sentenceStart = true;
                i++;
            }
        }
        float w = Math.max(1, words);
        int len = text.length();
        String trimmed = text.strip();
        char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        char first = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
        int quotes = count(text, '"');
        int sentences = Math.max(1, countSentences(trimmed));
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
        out[k++] = insideQuotes(text);
        out[k++] = clip(fs / w * 10f, 1f);
        out[k++] = clip(fp / w * 10f, 1f);
        out[k++] = clip(sp / w * 10f, 1f);
        out[k++] = clip(attr / w * 10f, 1f);
        out[k++] = SAID_AFTER_QUOTE.matcher(text).find() ? 1 : 0;
        out[k++] = according > 0 ? 1 : 0;
        out[k++] = wd > 0 ? 1 : 0;
        out[k++] = mon > 0 ? 1 : 0;
        out[k++] = AGENCY.matcher(text).find() ? 1 : 0;
        out[k++] = DATELINE.matcher(text).find() ? 1 : 0;
        out[k++] = CREDIT_END.matcher(trimmed).find() ? 1 : 0;
        out[k++] = last == ':' && words <= 30 ? 1 : 0;
        out[k++] = UPDATE.matcher(trimmed).find() ? 1 : 0;
        out[k++] = clip(hedge / w * 10f, 1f);
        out[k++] = clip(eval / w * 10f, 1f);
        out[k++] = clip(intens / w * 10f, 1f);
        out[k++] = Math.min(count(text, '?'), 3) / 3f;
        out[k++] = Math.min(count(text, '!'), 3) / 3f;
        out[k++] = clip(digits / w * 5f, 1f);
        out[k++] = text.indexOf('%') >= 0 || text.indexOf('$') >= 0 || text.indexOf('\u20AC') >= 0
                || text.indexOf('\u00A3') >= 0 ? 1 : 0;
        out[k++] = clip(capitalised / w * 3f, 1f);
        out[k++] = clip(allCaps / w * 3f, 1f);
        out[k++] = AGE.matcher(text).find() ? 1 : 0;
        out[k++] = clip(titles / w * 10f, 1f);
        out[k++] = clip(contractions / w * 10f, 1f);
        out[k++] = URL.matcher(text).find() ? 1 : 0;
        out[k++] = text.indexOf('|') >= 0 || text.indexOf('\u2022') >= 0 || text.indexOf('\u00BB') >= 0 ? 1 : 0;
        out[k++] = TIME.matcher(text).find() ? 1 : 0;
        out[k++] = clip(furniture / w * 3f, 1f);
        out[k++] = Math.min(countOf(text, "..."), 3) / 3f;
        out[k++] = text.indexOf('[') >= 0 ? 1 : 0;
        out[k++] = NUMBERED.matcher(trimmed).find() ? 1 : 0;
        out[k++] = clip(ed / w * 10f, 1f);
        out[k++] = count <= 1 ? 0 : index / (float) (count - 1);
        out[k++] = index == 0 ? 1 : 0;
        out[k++] = index == count - 1 ? 1 : 0;
        out[k++] = count - 1 - index <= 2 ? 1 : 0;
        out[k++] = clip((float) Math.log1p(count) / 4f, 1.5f);
        out[k++] = Math.min(blockquoteDepth, 2) / 2f;
        out[k++] = headingLevel > 0 ? 1 : 0;
        out[k++] = headlineCase(text, wordIndex) ? 1 : 0;
        out[k++] = REFERS_BACK.matcher(text).find() ? 1 : 0;
        if (k - offset != COUNT) throw new IllegalStateException("cue count mismatch: " + (k - offset));
    }

    private static float clip(float v, float max) {
        return v > max ? max : v;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    private static int countOf(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    private static int countSentences(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && (i + 1 == s.length() || s.charAt(i + 1) == ' '
                    || s.charAt(i + 1) == '"')) {
                n++;
            }
        }
        return n;
    }

    private static float insideQuotes(String s) {
        int inside = 0;
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') open = !open;
            else if (open) inside++;
        }
        return s.isEmpty() ? 0 : inside / (float) s.length();
    }

    /** Title Case Words Without A Final Period, as headlines are set. */
    private static boolean headlineCase(String s, int words) {
        if (words < 3 || words > 20) return false;
        String t = s.strip();
        if (t.endsWith(".")) return false;
        int upper = 0, total = 0;
        for (String w : t.split(" ")) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) continue;
            total++;
            if (Character.isUpperCase(w.charAt(0))) upper++;
        }
        return total >= 3 && upper >= 0.7 * total;
    }
}
