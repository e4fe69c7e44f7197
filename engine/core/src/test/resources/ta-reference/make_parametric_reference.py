#!/usr/bin/env python3
"""Reference values of ta's indicator classes with parameters other than add_all_ta_features' (the engine's
parametric accessors: Indicators.sma(n), rsi(n), bollinger(n, k), keltner(n, m), ...). Calls ta's public classes
only; contains none of its code.

Usage: make_parametric_reference.py TA_SOURCE_DIR INPUT_CSV OUTPUT_CSV
  INPUT_CSV has Date,Open,High,Low,Close,Volume (the first six columns of a shared reference file will do).
Output: Date, then one column per (indicator, parameters, output), named as in PARAMETRIC below; NaN empty,
floats as repr().
"""
import math
import sys


def main(ta_src, in_csv, out_csv):
    sys.path.insert(0, ta_src)
    import pandas as pd
    from ta import momentum, trend, volatility, volume

    df = pd.read_csv(in_csv)
    h, l, c, v = df["High"], df["Low"], df["Close"], df["Volume"]
    cols = {}
    cols["sma_50"] = trend.SMAIndicator(c, 50).sma_indicator()
    cols["ema_5"] = trend.EMAIndicator(c, 5).ema_indicator()
    cols["rsi_7"] = momentum.RSIIndicator(c, 7).rsi()
    cols["atr_5"] = volatility.AverageTrueRange(h, l, c, 5).average_true_range()
    cols["cci_10"] = trend.CCIIndicator(h, l, c, 10, 0.015).cci()
    cols["roc_3"] = momentum.ROCIndicator(c, 3).roc()
    cols["wr_7"] = momentum.WilliamsRIndicator(h, l, c, 7).williams_r()
    cols["vwap_20"] = volume.VolumeWeightedAveragePrice(h, l, c, v, 20).volume_weighted_average_price()
    cols["mfi_7"] = volume.MFIIndicator(h, l, c, v, 7).money_flow_index()
    bb = volatility.BollingerBands(c, 10, 1.5)
    cols["bb_10_1.5_middle"] = bb.bollinger_mavg()
    cols["bb_10_1.5_upper"] = bb.bollinger_hband()
    cols["bb_10_1.5_lower"] = bb.bollinger_lband()
    cols["bb_10_1.5_width"] = bb.bollinger_wband()
    cols["bb_10_1.5_percent"] = bb.bollinger_pband()
    macd = trend.MACD(c, window_slow=35, window_fast=5, window_sign=5)
    cols["macd_5_35_5_line"] = macd.macd()
    cols["macd_5_35_5_signal"] = macd.macd_signal()
    cols["macd_5_35_5_histogram"] = macd.macd_diff()
    so = momentum.StochasticOscillator(h, l, c, 5, 2)
    cols["stoch_5_2_k"] = so.stoch()
    cols["stoch_5_2_d"] = so.stoch_signal()
    adx = trend.ADXIndicator(h, l, c, 7)
    cols["adx_7_adx"] = adx.adx()
    cols["adx_7_plus"] = adx.adx_pos()
    cols["adx_7_minus"] = adx.adx_neg()
    dc = volatility.DonchianChannel(h, l, c, 10)
    cols["donchian_10_lower"] = dc.donchian_channel_lband()
    cols["donchian_10_upper"] = dc.donchian_channel_hband()
    cols["donchian_10_middle"] = dc.donchian_channel_mband()
    cols["donchian_10_width"] = dc.donchian_channel_wband()
    cols["donchian_10_percent"] = dc.donchian_channel_pband()
    kc = volatility.KeltnerChannel(h, l, c, 20, 20, original_version=False, multiplier=2.5)
    cols["keltner_20_2.5_middle"] = kc.keltner_channel_mband()
    cols["keltner_20_2.5_upper"] = kc.keltner_channel_hband()
    cols["keltner_20_2.5_lower"] = kc.keltner_channel_lband()
    cols["keltner_20_2.5_width"] = kc.keltner_channel_wband()
    cols["keltner_20_2.5_percent"] = kc.keltner_channel_pband()
    ko = volatility.KeltnerChannel(h, l, c, 20)
    cols["keltner_20_middle"] = ko.keltner_channel_mband()
    cols["keltner_20_upper"] = ko.keltner_channel_hband()
    cols["keltner_20_lower"] = ko.keltner_channel_lband()
    cols["keltner_20_width"] = ko.keltner_channel_wband()
    cols["keltner_20_percent"] = ko.keltner_channel_pband()

    def fmt(x):
        x = float(x)
        return "" if math.isnan(x) else ("inf" if x == math.inf else "-inf" if x == -math.inf else repr(x))

    with open(out_csv, "w") as out:
        out.write(",".join(["Date", "Open", "High", "Low", "Close", "Volume"] + list(cols)) + "\n")
        raw = pd.read_csv(in_csv, dtype=str)
        for i in range(len(df)):
            cells = [raw[k][i] for k in ["Date", "Open", "High", "Low", "Close", "Volume"]]
            cells += [fmt(s.iloc[i]) for s in cols.values()]
            out.write(",".join(cells) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
