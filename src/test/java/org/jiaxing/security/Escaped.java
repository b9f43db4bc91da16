package org.jiaxing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * What hostile text must look like once a page has rendered it: the HTML-escaped form present, the raw
 * form nowhere. Payloads that HTML escaping leaves unchanged ({@code ${7*7}}, {@code [[${7*7}]]}) must
 * still appear literally, which proves no template engine evaluated them.
 */
final class Escaped {

    /** Markup, attribute and script break-outs, template expressions: {@link Hostile#MARKUP} and more. */
    static final List<String> XSS;

    static {
        List<String> all = new ArrayList<>(Hostile.MARKUP);
        all.add("</script><script>alert(1)</script>");
        all.add("\" onmouseover=\"alert(1)");
        all.add("' onfocus='alert(1)' autofocus='");
        all.add("<b>@全体成员</b>");
        XSS = List.copyOf(all);
    }

    private Escaped() {
    }

    /** The five characters Thymeleaf escapes in text and attribute values. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Every value is on the page in its escaped form, and none of them raw. */
    static void assertShown(String what, String page, List<String> values) {
        for (String value : values) {
            assertThat(page).as("%s shows %s escaped", what, value).contains(html(value));
            if (!html(value).equals(value)) {
                assertThat(page).as("%s holds %s raw", what, value).doesNotContain(value);
            }
        }
    }

    /** None of the values is on the page raw (for pages that need not show them all). */
    static void assertNoneRaw(String what, String page, List<String> values) {
        for (String value : values) {
            if (!html(value).equals(value)) {
                assertThat(page).as("%s holds %s raw", what, value).doesNotContain(value);
            }
        }
    }
}
