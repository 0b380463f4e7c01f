package org.wirecopy.study;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to group articles by: {@code all} (one group), {@code month} (YYYY-MM from the first of the fields
 * {@code date}, {@code published}, {@code datetime}, {@code month}), or any field name ({@code style}, {@code source},
 * {@code dir}, {@code file}...). Articles without the field go to the group {@value #NONE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param spec what was asked for
 */
public record GroupKey(String spec) implements Function<ArticleSummary, String> {

    /** The group of articles that lack the field. */
    public static final String NONE = "(none)";
    /** Fields a month is read from, in order. */
    public static final List<String> DATE_FIELDS = List.of("date", "published", "datetime", "month");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /**
     * Checks the spec.
     *
     * @param spec {@code all}, {@code month} or a field name; not blank
     * @throws IllegalArgumentException when {@code spec} is blank
     */
    public GroupKey {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) throw new IllegalArgumentException("--group-by needs a field name, month or all");
    }

    @Override
    public String apply(ArticleSummary s) {
        String k = spec.toLowerCase(Locale.ROOT);
        if (k.equals("all")) return "all";
        if (k.equals("month")) {
            for (String f : DATE_FIELDS) {
                String m = month(s.field(f));
                if (m != null) return m;
            }
            return NONE;
        }
        String v = s.field(spec);
        return v == null || v.isBlank() ? NONE : v;
    }

    /** {@code YYYY-MM} at the start of a date such as {@code 2018-03-14T09:00}, or null. */
    static String month(String date) {
        if (date == null) return null;
        Matcher m = MONTH.matcher(date.strip());
        if (!m.lookingAt()) return null;
        int mm = Integer.parseInt(m.group(2));
        return mm >= 1 && mm <= 12 ? m.group(1) + "-" + m.group(2) : null;
    }
}
