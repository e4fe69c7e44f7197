package io.ringtrade.engine.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MemberText}: the members text read, rewritten and written back, and each malformed member refused. */
final class MemberTextTest {
    @Test
    void shouldReadEachMemberWithItsParametersInOrder() {
        final List<MemberText> members = MemberText.parseAll(" swing , sma_crossover( fast = 10 ;slow=40) ,vwap(n=3)");

        assertThat(members).containsExactly(new MemberText("swing", Map.of()),
            new MemberText("sma_crossover", Map.of("fast", "10", "slow", "40")),
            new MemberText("vwap", Map.of("n", "3")));
        assertThat(members.get(1).parameters().keySet()).containsExactly("fast", "slow");
        assertThat(MemberText.join(members)).isEqualTo("swing,sma_crossover(fast=10;slow=40),vwap(n=3)");
    }

    @Test
    void shouldSetOneParameterInPlaceOrAfterTheOthers() {
        final MemberText crossover = MemberText.parseAll("sma_crossover(fast=10;slow=40)").get(0);

        assertThat(crossover.with("fast", "20").written()).isEqualTo("sma_crossover(fast=20;slow=40)");
        assertThat(crossover.with("side", "short").written()).isEqualTo("sma_crossover(fast=10;slow=40;side=short)");
        assertThat(new MemberText("swing", Map.of()).with("k", "3").written()).isEqualTo("swing(k=3)");
        assertThat(crossover.written()).isEqualTo("sma_crossover(fast=10;slow=40)");
    }

    @Test
    void shouldKeepAnEmptyPartAsAMemberWithAnEmptyName() {
        assertThat(MemberText.parseAll("swing,,vwap")).extracting(MemberText::name)
            .containsExactly("swing", "", "vwap");
    }

    @Test
    void shouldRefuseAnUnclosedListAPairWithoutKeyAndARepeatedKey() {
        assertThatThrownBy(() -> MemberText.parseAll("swing(k=3,vwap")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'swing(k=3' opens a parameter list it does not close: write swing(key=value;key=value)");
        assertThatThrownBy(() -> MemberText.parseAll("swing(k=3;=4),vwap"))
            .hasMessage("'swing(k=3;=4)': '=4' is not one key=value of its own (write swing(key=value;key=value))");
        assertThatThrownBy(() -> MemberText.parseAll("swing(k=3;k=4),vwap"))
            .hasMessage("'swing(k=3;k=4)': 'k=4' is not one key=value of its own (write swing(key=value;key=value))");
        assertThatThrownBy(() -> MemberText.parseAll("swing()"))
            .hasMessage("'swing()': '' is not one key=value of its own (write swing(key=value;key=value))");
    }
}
