// NEWS2 (National Early Warning Score 2, Royal College of Physicians 2017): the band table, the aggregate
// and its clinical-response level, and the per-bed tracker that assembles the inputs from the station's
// numerics and the nurse's entries, each with its time, and says "incomplete" instead of guessing when an
// input is missing or older than its configured age.
//
// Spec: ../shared/reference/STANDARDS.md section 8 (the RCP chart). Method and validation: docs/EWS.md.
// Qt Core only; the GUI thread owns every instance (Station feeds it after each drain).
#pragma once

#include "Vitals.h"

#include <QString>
#include <QtGlobal>

#include <array>
#include <cmath>
#include <deque>
#include <optional>
#include <vector>

namespace vigil::scores {

// The seven NEWS2 parameters, in chart order.
enum class NewsParam : quint8 { Rr, SpO2, Oxygen, SysBp, Pulse, Consciousness, Temp, Count };
inline constexpr int kNewsParamCount = static_cast<int>(NewsParam::Count);
QString newsParamKey(NewsParam p);   // "rr" "spo2" "o2" "sbp" "pulse" "acvpu" "temp"
QString newsParamLabel(NewsParam p); // "Resp rate" ...
std::optional<NewsParam> newsParamFromKey(const QString &key);

// Consciousness on the ACVPU scale; anything but Alert scores 3.
enum class Acvpu : quint8 { Alert, Confusion, Voice, Pain, Unresponsive };
QString acvpuKey(Acvpu a); // "A" "C" "V" "P" "U"
std::optional<Acvpu> acvpuFromKey(const QString &key);

// The RCP clinical response the aggregate calls for. LowMedium: an aggregate of 1-4 with a 3 in a single
// parameter (urgent ward review).
enum class NewsResponse : quint8 { Zero, Low, LowMedium, Medium, High };
QString nameOf(NewsResponse r); // "zero" "low" "low-medium" "medium" "high"

// Sub-scores of single parameters, exactly the chart. Values are rounded to the chart's resolution first
// (integers; temperature to 0.1 degC), so 20.4 /min scores as 20 and 38.04 degC as 38.0.
int scoreRr(double perMin);
int scoreSpO2Scale1(double percent);
int scoreSpO2Scale2(double percent, bool onOxygen);
int scoreOxygen(bool onOxygen);
int scoreSysBp(double mmHg);
int scorePulse(double perMin);
int scoreConsciousness(Acvpu a);
int scoreTemp(double degC);

// A complete set of inputs (every parameter known and current).
struct News2Inputs
{
    double rr = std::nan("");
    double spo2 = std::nan("");
    bool onOxygen = false;
    double sysBp = std::nan("");
    double pulse = std::nan("");
    Acvpu consciousness = Acvpu::Alert;
    double temp = std::nan("");
    bool scale2 = false;
};

struct News2Score
{
    std::array<int, kNewsParamCount> sub{}; // -1: input missing or stale
    int total = 0;                          // over the parameters present (a lower bound when incomplete)
    bool complete = false;                  // all seven present and current
    bool singleThree = false;               // some parameter scores 3
    NewsResponse response = NewsResponse::Zero;
};
// The aggregate and response for sub-scores (-1 = missing).
News2Score aggregate(const std::array<int, kNewsParamCount> &sub);
News2Score computeNews2(const News2Inputs &in);
NewsResponse responseFor(int total, bool singleThree);

// --- per-bed tracker --------------------------------------------------------------------------------------

struct News2Config
{
    bool enabled = true;
    // Oldest an input may be and still count, per parameter, in seconds (RR, SpO2, O2, BP, pulse, ACVPU, T).
    std::array<double, kNewsParamCount> maxAgeS{900, 900, 14400, 3600, 900, 14400, 14400};
    // How far back the trend arrow looks: the score now against the score this long ago.
    double trendWindowS = 3600;
    // Advisory/alarm thresholds (the RCP triggers); a priority of "none" turns one off (app/config [news2]).
    int mediumAt = 5;             // aggregate >= this: medium priority
    int highAt = 7;               // aggregate >= this: high priority
    bool singleThreeAlarm = true; // a 3 in one parameter: low priority ("low-medium" response)
    // Deterioration advisory: the score rose this much within the window, HR by this fraction, SpO2 fell by
    // this many points (medians of the first and last tenth of the window).
    double deteriorationWindowS = 4 * 3600;
    int deteriorationScoreRise = 2;
    double deteriorationHrRise = 0.20;
    double deteriorationSpO2Fall = 3.0;
};

// One input as it stands: its value, when it was measured and who or what supplied it.
struct NewsInput
{
    double value = std::nan(""); // for O2: 0 air / 1 oxygen; ACVPU: the Acvpu value; else the reading
    qint64 timeMs = 0;
    QString source; // "monitor" or "nurse <user>"
    bool present() const { return !std::isnan(value); }
};

struct News2Snapshot
{
    std::array<NewsInput, kNewsParamCount> inputs;
    std::array<bool, kNewsParamCount> stale{};
    News2Score score;
    int trend = 0; // -1 falling, 0 steady or unknown, +1 rising (worse)
    bool scale2 = false;
    QString scale2By; // who chose SpO2 scale 2, and when (text)
    qint64 timeMs = 0;
    QString missingText() const; // "BP stale, ACVPU missing"
};

class News2Tracker
{
public:
    explicit News2Tracker(News2Config config = {}) : m_config(config) {}
    const News2Config &config() const { return m_config; }
    void setConfig(const News2Config &c) { m_config = c; }

    // A monitor reading (the station's numerics): RR, SpO2, HR/pulse rate, NIBP/ABP systolic, temperature.
    // Other numerics are ignored. The newest reading of a parameter wins, whichever source gave it.
    void onNumeric(NumericId id, double value, qint64 timeMs);
    // A value the nurse enters (any parameter; O2 as 0/1, ACVPU as Acvpu), recorded with who and when.
    void enter(NewsParam p, double value, qint64 timeMs, const QString &user);
    void setScale2(bool on, const QString &user, qint64 timeMs);
    bool scale2() const { return m_scale2; }

    // The score as of nowMs (inputs older than their age are stale); appends complete scores to the history.
    const News2Snapshot &update(qint64 nowMs);
    const News2Snapshot &last() const { return m_last; }

    struct Point
    {
        qint64 timeMs;
        int total;
    };
    // Complete scores when they changed (and at least every 5 min), newest last; kept for the trend window.
    const std::deque<Point> &history() const { return m_history; }

    // Deterioration over the configured window: empty when none, else the evidence ("NEWS2 1 -> 3 over 240
    // min; HR 72 -> 90 (+25 %)"): medians of the window's first and last fifth (one point a minute).
    QString deterioration(qint64 nowMs) const;

private:
    News2Config m_config;
    std::array<NewsInput, kNewsParamCount> m_inputs;
    bool m_scale2 = false;
    QString m_scale2By;
    News2Snapshot m_last;
    std::deque<Point> m_history;
    struct VitalPoint
    {
        qint64 timeMs;
        double value;
    };
    std::deque<VitalPoint> m_hr, m_spo2, m_scores; // one point a minute at most (m_scores: complete NEWS2)
    void keepVital(std::deque<VitalPoint> &d, double v, qint64 t);
};

} // namespace vigil::scores
