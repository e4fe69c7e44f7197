package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;

/**
 * Where the gateway releases {@link io.ringtrade.engine.api.event.EffectKind#NOTIFY} effects (a kill switch engaged, a
 * daily-loss breach): a console line today, a Telegram sink in a later issue. Never a venue. Called on the gateway
 * thread after the journal has passed the input that caused the notification; must only hand the message off.
 */
@FunctionalInterface
public interface Notifier {
    /** One notification caused by {@code cause}. */
    void onNotify(OrderEffect notification, EngineEvent cause);

    /** No notifier configured: notifications go nowhere. */
    Notifier NONE = (notification, cause) -> {
    };
}
