package io.ringtrade.engine.config;

import static io.ringtrade.engine.config.ConfigText.BTC;
import static io.ringtrade.engine.config.ConfigText.ONE;
import static io.ringtrade.engine.config.ConfigText.ONE_BOOK;
import static io.ringtrade.engine.config.ConfigText.load;
import static io.ringtrade.engine.config.ConfigText.problems;

import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code max-leverage}, per book and as the engine-wide cap in {@code ringtrade.risk}: read exactly, refused with the
 * key named when below 1, not a number or above 100, and recorded in the journal manifest only when it changes
 * anything, so manifests of cash accounts are what they were. Line {@code i + 1} of {@code test.conf} is argument
 * {@code i}.
 */
final class LeverageConfigTest {

    private static String book(final String leverage) {
        return "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], max-leverage = " + leverage
            + " } ]";
    }

    @Test
    void shouldLeaveLeverageUnsetByDefault() {
        final EngineConfig config = load(BTC, ONE_BOOK);

        assertThat(config.books().get(0).limits().maxLeverage()).isZero();
        assertThat(config.risk().maxLeverage()).isZero();
        assertThat(EngineConfigWriter.toHocon(config)).doesNotContain("leverage");
    }

    @Test
    void shouldReadABooksLeverageAndTheGlobalCapExactly() {
        final EngineConfig config = load(BTC, book("2.5"), "ringtrade.risk.max-leverage = 1.25");

        assertThat(config.books().get(0).limits().maxLeverage()).isEqualTo(250_000_000L);
        assertThat(config.books().get(0).limits()).isEqualTo(new BookLimits(0, 0, 0, 0, 0, 250_000_000L));
        assertThat(config.risk().maxLeverage()).isEqualTo(125_000_000L);
    }

    @Test
    void shouldRefuseALeverageBelowOneNotANumberOrAboveOneHundredNamingTheKey() {
        assertThat(problems(BTC, book("0.5"))).containsExactly(
            "test.conf:2: ringtrade.books[0].max-leverage: must be between 1 and 100, got 0.5");
        assertThat(problems(BTC, book("0"))).containsExactly(
            "test.conf:2: ringtrade.books[0].max-leverage: must be between 1 and 100, got 0");
        assertThat(problems(BTC, book("100.5"))).containsExactly(
            "test.conf:2: ringtrade.books[0].max-leverage: must be between 1 and 100, got 100.5");
        assertThat(problems(BTC, book("NaN"))).containsExactly(
            "test.conf:2: ringtrade.books[0].max-leverage: expected a decimal number, got \"NaN\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.risk.max-leverage = -2")).containsExactly(
            "test.conf:3: ringtrade.risk.max-leverage: must be between 1 and 100, got -2");
    }

    @Test
    void shouldAcceptTheBoundsOneAndOneHundred() {
        assertThat(load(BTC, book("1")).books().get(0).limits().maxLeverage()).isEqualTo(ONE);
        assertThat(load(BTC, book("100")).books().get(0).limits().maxLeverage()).isEqualTo(100 * ONE);
    }

    @Test
    void shouldRecordLeverageInTheManifestOnlyWhenItChangesSomething() {
        // a book's leverage 1 is the default cash account; the engine-wide cap of 1 is a real cap
        assertThat(EngineConfigWriter.toHocon(load(BTC, book("1")))).doesNotContain("leverage")
            .isEqualTo(EngineConfigWriter.toHocon(load(BTC, ONE_BOOK)));
        final EngineConfig config = load(BTC, book("3"), "ringtrade.risk.max-leverage = 1");
        final String manifest = EngineConfigWriter.toHocon(config);

        assertThat(manifest).contains(", max-leverage = 3 }").contains("risk { large-transaction-threshold = 10000,"
            + " max-leverage = 1 }");
        final EngineConfig reloaded = new EngineConfigLoader().text(manifest, "manifest.conf").environment(Map.of())
            .load();
        assertThat(reloaded.books().get(0).limits()).isEqualTo(config.books().get(0).limits());
        assertThat(reloaded.risk()).isEqualTo(config.risk());
    }

    @Test
    void shouldReadABooksMaintenanceMarginKeepItInTheManifestAndRefuseItOutOfRange() {
        final String book = "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], max-leverage = 2,"
            + " maintenance-margin-pct = 25 } ]";
        final EngineConfig config = load(BTC, book);
        assertThat(config.books().get(0).limits()).isEqualTo(new BookLimits(0, 0, 0, 0, 0, 2 * ONE, 25 * ONE));
        assertThat(load(BTC, ONE_BOOK).books().get(0).limits().maintenanceMarginPct()).isZero();
        assertThat(EngineConfigWriter.toHocon(load(BTC, ONE_BOOK))).doesNotContain("maintenance");
        final String manifest = EngineConfigWriter.toHocon(config);
        assertThat(manifest).contains(", max-leverage = 2, maintenance-margin-pct = 25 }");
        assertThat(new EngineConfigLoader().text(manifest, "manifest.conf").environment(Map.of()).load().books()
            .get(0).limits()).isEqualTo(config.books().get(0).limits());
        assertThat(problems(BTC, book.replace("= 25", "= 120"))).containsExactly(
            "test.conf:2: ringtrade.books[0].maintenance-margin-pct: must be between 0 and 100, got 120");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.risk.maintenance-margin-pct = 25")).hasSize(1)
            .allSatisfy(problem -> assertThat(problem).contains("ringtrade.risk", "maintenance-margin-pct"));
    }

    @Test
    void shouldReadABooksBorrowingRateKeepItInTheManifestAndRefuseItOutOfRangeOrEngineWide() {
        final String book = "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], max-leverage = 2,"
            + " borrow-rate-pct = 6.5 } ]";
        final EngineConfig config = load(BTC, book);
        assertThat(config.books().get(0).limits())
            .isEqualTo(new BookLimits(0, 0, 0, 0, 0, 2 * ONE, 0, FixedPoint.parse("6.5")));
        assertThat(load(BTC, ONE_BOOK).books().get(0).limits().borrowRatePct()).isZero();
        assertThat(EngineConfigWriter.toHocon(load(BTC, ONE_BOOK))).doesNotContain("borrow");
        final String manifest = EngineConfigWriter.toHocon(config);
        assertThat(manifest).contains(", max-leverage = 2, borrow-rate-pct = 6.5 }");
        assertThat(new EngineConfigLoader().text(manifest, "manifest.conf").environment(Map.of()).load().books()
            .get(0).limits()).isEqualTo(config.books().get(0).limits());
        assertThat(problems(BTC, book.replace("= 6.5", "= 101"))).containsExactly(
            "test.conf:2: ringtrade.books[0].borrow-rate-pct: must be between 0 and 100, got 101");
        assertThat(problems(BTC, book.replace("= 6.5", "= -1"))).hasSize(1)
            .allSatisfy(problem -> assertThat(problem).contains("ringtrade.books[0].borrow-rate-pct"));
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.risk.borrow-rate-pct = 5")).hasSize(1)
            .allSatisfy(problem -> assertThat(problem).contains("ringtrade.risk", "borrow-rate-pct"));

        // the margin call's rule: close by default, written to the manifest only when it reduces
        final EngineConfig reducing = load(BTC, book.replace("borrow-rate-pct = 6.5",
            "maintenance-margin-pct = 25, margin-call = reduce"));
        assertThat(reducing.books().get(0).limits().marginCall()).isEqualTo(MarginCallRule.REDUCE);
        assertThat(load(BTC, ONE_BOOK).books().get(0).limits().marginCall()).isEqualTo(MarginCallRule.CLOSE);
        assertThat(EngineConfigWriter.toHocon(reducing)).contains(", maintenance-margin-pct = 25, margin-call = reduce }");
        assertThat(problems(BTC, book.replace("borrow-rate-pct = 6.5", "margin-call = sometimes"))).hasSize(1)
            .allSatisfy(problem -> assertThat(problem).contains("ringtrade.books[0].margin-call", "sometimes"));

        // the fee on shorts: the same rules
        final EngineConfig shorts = load(BTC, book.replace("borrow-rate-pct = 6.5", "short-fee-pct = 3"));
        assertThat(shorts.books().get(0).limits().shortFeePct()).isEqualTo(3 * ONE);
        assertThat(EngineConfigWriter.toHocon(shorts)).contains(", max-leverage = 2, short-fee-pct = 3 }");
        assertThat(problems(BTC, book.replace("borrow-rate-pct = 6.5", "short-fee-pct = 100.5"))).containsExactly(
            "test.conf:2: ringtrade.books[0].short-fee-pct: must be between 0 and 100, got 100.5");
    }
}
