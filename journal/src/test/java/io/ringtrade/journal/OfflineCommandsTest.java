package io.ringtrade.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.money.FixedPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline command queue holds kill-switch commands and limit changes numbered in one sequence, and the agent
 * publishes each one numbered after the last applied: a trading state with its number packed in the argument, a
 * limit change with its value as the argument and its number in the instrument id.
 */
final class OfflineCommandsTest {
    @TempDir
    Path journal;

    @Test
    void shouldNumberKillSwitchCommandsAndLimitChangesInOneSequenceAndReadThemBack() {
        assertThat(OfflineCommands.append(journal, 1_000, -1, TradingCommand.HALTED, true, "http down")).isEqualTo(1);
        assertThat(OfflineCommands.appendLimit(journal, 2_000, 1, CommandCode.SET_MAX_POSITION_PCT,
            FixedPoint.parse("12.5"), "calmer")).isEqualTo(2);
        assertThat(OfflineCommands.appendLimit(journal, 3_000, -1, CommandCode.SET_MAX_ORDERS_PER_SECOND,
            FixedPoint.of(3), "")).isEqualTo(3);

        assertThat(OfflineCommands.after(journal, 0)).containsExactly(
            new OfflineCommands.Command(1, 1_000, -1, CommandCode.TRADING_STATE, TradingCommand.HALTED, true, 0,
                "http down"),
            new OfflineCommands.Command(2, 2_000, 1, CommandCode.SET_MAX_POSITION_PCT, 0, false,
                FixedPoint.parse("12.5"), "calmer"),
            new OfflineCommands.Command(3, 3_000, -1, CommandCode.SET_MAX_ORDERS_PER_SECOND, 0, false,
                FixedPoint.of(3), ""));
        assertThat(OfflineCommands.after(journal, 2)).extracting(OfflineCommands.Command::number).containsExactly(3L);
        assertThatThrownBy(() -> OfflineCommands.appendLimit(journal, 4_000, 0, CommandCode.TRADING_STATE, 0, ""))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("not a limit command: TRADING_STATE");
    }

    @Test
    void shouldPublishEachCommandAfterTheLastAppliedAsItsOwnJournaledCommand() {
        OfflineCommands.append(journal, 1_000, 0, TradingCommand.REDUCE_ONLY, false, "first");
        OfflineCommands.appendLimit(journal, 2_000, 0, CommandCode.SET_MAX_DAILY_LOSS, FixedPoint.of(250), "second");
        OfflineCommands.appendLimit(journal, 3_000, -1, CommandCode.SET_PRICE_BAND_PCT, FixedPoint.of(5), "third");
        final List<EngineEvent> published = new ArrayList<>();
        final List<Long> numbers = new ArrayList<>();
        final OfflineCommandAgent agent = new OfflineCommandAgent(journal, 1, slot -> {
            final EngineEvent copy = new EngineEvent();
            copy.copyInputFrom(slot);
            published.add(copy);
            return 40 + published.size();
        }, () -> 77L, (command, entry) -> numbers.add(command.number() * 100 + entry));
        try {
            assertThat(agent.drain()).isEqualTo(2);
            assertThat(agent.drain()).isZero();
        } finally {
            agent.onClose();
        }

        assertThat(numbers).containsExactly(241L, 342L);
        assertThat(published).hasSize(2);
        final EngineEvent loss = published.get(0);
        assertThat(List.of(loss.type, loss.commandCode, loss.bookIndex, loss.instrumentId)).containsExactly(
            EventType.COMMAND, CommandCode.SET_MAX_DAILY_LOSS, 0, 2);
        assertThat(List.of(loss.eventTimeNanos, loss.commandArgument)).containsExactly(77L, FixedPoint.of(250));
        final EngineEvent band = published.get(1);
        assertThat(List.of(band.commandCode, band.bookIndex, band.instrumentId)).containsExactly(
            CommandCode.SET_PRICE_BAND_PCT, -1, 3);
        assertThat(band.commandArgument).isEqualTo(FixedPoint.of(5));
    }

    @Test
    void shouldPublishAKillSwitchCommandWithItsNumberPackedInTheArgument() {
        OfflineCommands.append(journal, 1_000, -1, TradingCommand.HALTED, true, "engage");
        final List<EngineEvent> published = new ArrayList<>();
        final OfflineCommandAgent agent = new OfflineCommandAgent(journal, 0, slot -> {
            final EngineEvent copy = new EngineEvent();
            copy.copyInputFrom(slot);
            published.add(copy);
            return 5;
        }, () -> 9L, (command, entry) -> {
        });
        try {
            agent.drain();
        } finally {
            agent.onClose();
        }
        final EngineEvent engage = published.getFirst();
        assertThat(engage.commandCode).isEqualTo(CommandCode.TRADING_STATE);
        assertThat(engage.commandArgument).isEqualTo(TradingCommand.pack(TradingCommand.HALTED, true,
            TradingCommand.SOURCE_OFFLINE, 1));
    }
}
