package io.kabar.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLedgerTest {

    final AlertLedger ledger = new AlertLedger();

    @Test
    void alertsTheFirstBreakingRevisionOnly() {
        assertThat(ledger.decide(0, "a", 1, false, true).orElseThrow().alert()).isFalse();
        ledger.record("a", new AlertLedger.Entry(0, 1, null, null));

        assertThat(ledger.decide(0, "a", 2, true, true).orElseThrow().alert()).isTrue();
        ledger.record("a", new AlertLedger.Entry(0, 2, "alert-1", null));

        assertThat(ledger.decide(0, "a", 2, true, true)).isEmpty();
        assertThat(ledger.decide(0, "a", 1, true, true)).isEmpty();
        AlertLedger.Step later = ledger.decide(0, "a", 3, true, true).orElseThrow();
        assertThat(later.alert()).isFalse();
        assertThat(later.next().alertId()).isEqualTo("alert-1");
    }

    @Test
    void recordsButDoesNotAlertEventsOutsideTheAlertWindow() {
        AlertLedger.Step step = ledger.decide(0, "b", 1, true, false).orElseThrow();

        assertThat(step.alert()).isFalse();
        assertThat(step.next().revision()).isEqualTo(1);
    }

    @Test
    void forgetsThePartitionsItNoLongerOwns() {
        ledger.record("a", new AlertLedger.Entry(0, 1, "x", null));
        ledger.record("b", new AlertLedger.Entry(1, 1, "y", null));

        ledger.forget(List.of(0));

        assertThat(ledger.size()).isEqualTo(1);
    }
}
