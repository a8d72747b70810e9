// [news2] and [ecg_analysis]: the early warning score and the central ECG analysis (docs/EWS.md).
#include "Sections.h"

namespace vigil {

void readNews2(ConfigSection &s, scores::News2Config &c)
{
    static const char *const ages[] = {"max_age_rr_min",  "max_age_spo2_min",  "max_age_o2_min",
                                       "max_age_bp_min",  "max_age_pulse_min", "max_age_acvpu_min",
                                       "max_age_temp_min"};
    QStringList known{QStringLiteral("enabled"),
                      QStringLiteral("trend_window_min"),
                      QStringLiteral("medium_at"),
                      QStringLiteral("high_at"),
                      QStringLiteral("single_three_alarm"),
                      QStringLiteral("deterioration_window_h"),
                      QStringLiteral("deterioration_score_rise"),
                      QStringLiteral("deterioration_hr_rise_pct"),
                      QStringLiteral("deterioration_spo2_fall")};
    for (const char *a : ages)
        known << QLatin1String(a);
    s.allowOnly(known);
    s.read(QStringLiteral("enabled"), c.enabled);
    for (int i = 0; i < scores::kNewsParamCount; ++i) {
        double minutes = c.maxAgeS[std::size_t(i)] / 60.0;
        s.read(QLatin1String(ages[i]), minutes, 1, 24 * 60);
        c.maxAgeS[std::size_t(i)] = minutes * 60.0;
    }
    double trendMin = c.trendWindowS / 60.0;
    s.read(QStringLiteral("trend_window_min"), trendMin, 10, 24 * 60);
    c.trendWindowS = trendMin * 60.0;
    s.read(QStringLiteral("medium_at"), c.mediumAt, 1, 20);
    s.read(QStringLiteral("high_at"), c.highAt, 1, 20);
    s.read(QStringLiteral("single_three_alarm"), c.singleThreeAlarm);
    double windowH = c.deteriorationWindowS / 3600.0;
    s.read(QStringLiteral("deterioration_window_h"), windowH, 0.5, 24);
    c.deteriorationWindowS = windowH * 3600.0;
    s.read(QStringLiteral("deterioration_score_rise"), c.deteriorationScoreRise, 1, 20);
    double hrPct = c.deteriorationHrRise * 100.0;
    s.read(QStringLiteral("deterioration_hr_rise_pct"), hrPct, 5, 100);
    c.deteriorationHrRise = hrPct / 100.0;
    s.read(QStringLiteral("deterioration_spo2_fall"), c.deteriorationSpO2Fall, 1, 20);
    if (s.ok() && c.mediumAt >= c.highAt)
        s.fail(QStringLiteral("high_at"), QStringLiteral("must be above medium_at"));
}

void readEcgAnalysis(ConfigSection &s, ecg::EcgAnalysisConfig &c)
{
    s.allowOnly({QStringLiteral("enabled"), QStringLiteral("lead"), QStringLiteral("asystole_s"),
                 QStringLiteral("pause_s"), QStringLiteral("brady_bpm"), QStringLiteral("tachy_bpm"),
                 QStringLiteral("vf_vt"), QStringLiteral("vt_bpm"), QStringLiteral("hr_from_beats"),
                 QStringLiteral("hr_fallback_s")});
    s.read(QStringLiteral("enabled"), c.enabled);
    s.read(QStringLiteral("lead"), c.lead);
    s.read(QStringLiteral("asystole_s"), c.asystoleS, 3, 10);
    s.read(QStringLiteral("pause_s"), c.pauseS, 1, 5);
    s.read(QStringLiteral("brady_bpm"), c.bradyBpm, 15, 60);
    s.read(QStringLiteral("tachy_bpm"), c.tachyBpm, 120, 300);
    s.read(QStringLiteral("vf_vt"), c.ventricular);
    s.read(QStringLiteral("vt_bpm"), c.vtBpm, 100, 200);
    s.read(QStringLiteral("hr_from_beats"), c.hrFromBeats);
    s.read(QStringLiteral("hr_fallback_s"), c.hrFallbackS, 2, 60);
    if (!s.ok())
        return;
    if (!QStringList{QStringLiteral("ecg_i"), QStringLiteral("ecg_ii"), QStringLiteral("ecg_iii"),
                     QStringLiteral("ecg_v")}
             .contains(c.lead))
        s.fail(QStringLiteral("lead"), QStringLiteral("expected ecg_i, ecg_ii, ecg_iii or ecg_v"));
    else if (c.pauseS >= c.asystoleS)
        s.fail(QStringLiteral("pause_s"), QStringLiteral("must be shorter than asystole_s"));
}

} // namespace vigil
