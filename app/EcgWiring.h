// Central ECG analysis wired into the station: every source's updates pass a tap that feeds their ECG
// blocks to the analysis (services/ecg, on the source's thread), and after each drain the rhythm calls
// become derived conditions of the alarm engine on the GUI thread (docs/EWS.md).
#pragma once

#include "EcgAnalyzer.h"
#include "Ingest.h"
#include "Station.h"

#include <QHash>
#include <QObject>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace vigil {

class EcgWiring : public QObject
{
    Q_OBJECT
public:
    EcgWiring(Station *station, ecg::EcgAnalysisConfig config, QObject *parent = nullptr);
    ~EcgWiring() override;
    // A sink that feeds the analysis and passes every update on to `next` (owned here).
    IngestSink *tap(IngestSink *next);
    // GUI thread: the calls into the engine (also connected to Station::drained).
    void poll();
    ecg::EcgStation &analysis() { return m_analysis; }
    // Whether the bed's HR numeric currently comes from the central's beat detection (no monitor HR).
    bool hrFromBeats(const QString &bedKey) const { return m_hrFromBeats.value(bedKey); }
    // Detected beats, batched per bed (every ~10 s): for the archive, so the review can mark them.
    using BeatSink = std::function<void(const QString &bedKey, const std::vector<qint64> &beatsUs)>;
    void setBeatSink(BeatSink sink) { m_beatSink = std::move(sink); }

private:
    Station *m_station;
    ecg::EcgStation m_analysis;
    std::vector<std::unique_ptr<IngestSink>> m_taps;
    QHash<QString, std::array<bool, ecg::kRhythmCallCount + 1>> m_last; // + noise
    BeatSink m_beatSink;
    QHash<QString, qint64> m_mismatchSinceMs; // HR cross-check: the difference seen since (signal ms)
    QHash<QString, bool> m_lastMismatch;
    QHash<QString, bool> m_hrFromBeats;
    QHash<QString, std::vector<qint64>> m_pendingBeats;
};

} // namespace vigil
