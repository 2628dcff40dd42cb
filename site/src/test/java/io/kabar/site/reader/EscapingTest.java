package io.kabar.site.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void jsonLdCannotCloseItsScriptElement() {
        assertThat(StructuredData.scriptSafe("{\"headline\":\"</script><script>alert(1)</script>&amp;\"}"))
                .doesNotContain("<", ">", "&")
                .contains("\\u003c/script\\u003e");
    }

    @Test
    void feedTextIsEscapedAndCharactersXmlForbidsAreDropped() {
        assertThat(Xml.escape("Tom & \"Jerry\" <b>'x'</b>\u0001"))
                .isEqualTo("Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;x&apos;&lt;/b&gt;");
    }
}
