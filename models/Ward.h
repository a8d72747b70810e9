// The ward as the station knows it: beds, what each bed's sources delivered, and the per-channel sample
// rings the live waveform views read.
//
// Threading contract:
//  - Source threads call the Ward through its IngestSink interface (deliver(), sourceStatusChanged()).
//    Waveform samples go straight into a channel's SampleRing; numerics, patient, conditions and gateway
//    alarms are queued.
//  - The GUI thread calls Ward::drain() a few times a second (Station's timer). Only drain() changes the
//    GUI-side bed state, so models and QML read it without locks.
//  - The scene graph's render thread reads Bed::channel() and its ring, lock-free.
#pragma once

#include "Ingest.h"
#include "SampleRing.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace vigil {

// One waveform channel of one bed. Created by the writer when the first block of a channel arrives; if a
// later block has another sample rate, a new channel replaces it (the old one stays alive until the ward
// is destroyed, because a render thread may still be reading it).
class WaveformChannel
{
public:
    WaveformChannel(WaveId id, double sampleRate, double seconds = 24.0)
        : m_id(id), m_rate(sampleRate), ring(static_cast<std::size_t>(sampleRate * seconds) + 1)
    {}
    WaveId id() const { return m_id; }
    double sampleRate() const { return m_rate; }

private:
    WaveId m_id;
    double m_rate;

public:
    SampleRing ring;
    // Writer-thread state: the time the next sample is expected at, to find gaps and overlaps between
    // blocks instead of papering over them.
    qint64 nextExpectedUs = 0;
    std::atomic<quint64> gaps{0};
    std::atomic<quint64> overlaps{0};
    std::atomic<quint64> droppedSamples{0};
    std::atomic<quint64> samplesReceived{0}; // real samples, not counting gap fill
    std::atomic<qint64> lastWriteWallMs{0};
    double gain = 0.0; // last known adu per unit (for exact archive export)
    int baseline = 0;
};

struct NumericState
{
    double value = std::nan("");
    qint64 timeMs = 0;     // measurement time
    qint64 receivedMs = 0; // when the station got it (staleness is judged on this clock)
    bool stale = true;
    bool hasValue() const { return !std::isnan(value); }
};

class Bed
{
public:
    Bed(int index, QString key, QString label)
        : m_index(index), m_key(std::move(key)), m_label(std::move(label))
    {}

    int index() const { return m_index; }
    const QString &key() const { return m_key; }
    const QString &label() const { return m_label; }

    // Any thread. May return nullptr (no such channel yet).
    WaveformChannel *channel(WaveId id) const
    {
        return m_channels[static_cast<int>(id)].load(std::memory_order_acquire);
    }
    qint64 lastDataMs() const { return m_lastDataMs.load(std::memory_order_relaxed); }

    // GUI-thread state, changed only by Ward::drain().
    PatientInfo patient; // the monitor's patient (its feed's PID)
    // The patient the census admitted to the bed (ADT or the station; set by app/AdtWiring), if any.
    std::optional<PatientInfo> admitted;
    // The one patient identity every screen, report header and export shows: the admitted patient when
    // the bed has one, else the monitor's. A monitor naming someone else raises an identity mismatch.
    const PatientInfo &shownPatient() const { return admitted ? *admitted : patient; }
    int stay = 0; // increments when a new patient id appears on the bed
    std::array<NumericState, kNumericCount> numerics;
    std::vector<DeviceCondition> conditions; // active device conditions (lead off, sensor off...)
    QString profile;                         // configured profile key
    bool noData = true;
    QString sourceId;
    quint64 gapsSeen = 0; // waveform gaps counted at the last drain (all channels)
    qint64 lastGapMs = 0; // when the gap count last grew

    // Alarm status, set by Station after each alarm evaluation.
    alarms::Priority alarmPriority = alarms::Priority::None; // highest signalling condition
    QString alarmText;                                       // that condition's text, with value and limit
    int alarmCount = 0;                                      // signalling conditions
    bool alarmEscalated = false;
    bool alarmAcknowledged = false; // every signalling condition acknowledged
    bool alarmPaused = false;
    int alarmPauseRemainingS = 0; // while paused: seconds left, for the "ALARMS PAUSED m:ss" countdown
    bool customLimits = false;    // a nurse changed this bed's limits from its category's defaults
    QString category;             // the patient category in force: "adult", "paediatric", "neonatal"
    // Per numeric: why it is blanked ("LEAD OFF", "SENSOR OFF"; empty when valid), and the priority of a
    // signalling condition on it (0 none .. 3 high), for the violating numeric's colour.
    std::array<QString, kNumericCount> numericBlank;
    std::array<int, kNumericCount> numericAlarm{};
    // NEWS2 (Station, from its News2Board): the aggregate (-1 none yet), whether every input is present and
    // current, the clinical response (0 zero, 1 low, 2 low-medium, 3 medium, 4 high) and the trend arrow.
    int newsTotal = -1;
    bool newsComplete = false;
    int newsResponse = 0;
    int newsTrend = 0;

    QStringList waveKeys() const; // channels that have data, in display order

private:
    friend class Ward;
    int m_index;
    QString m_key;
    QString m_label;
    std::array<std::atomic<WaveformChannel *>, kWaveCount> m_channels{};
    std::atomic<qint64> m_lastDataMs{0};
    std::mutex m_channelMutex; // serialises channel creation between sources feeding the same bed
};

struct BedConfig
{
    QString key;
    QString label;
    QString profile = QStringLiteral("adult");
};

// Summary of what changed in one drain, for the Qt models.
struct DrainResult
{
    int firstNewBed = -1; // beds [firstNewBed, bedCount) appeared since the last drain
    std::vector<int> changedBeds;
    std::vector<SourceStatus> sources; // statuses that changed
    // What the alarm engine needs from this drain, per bed that received anything.
    struct BedInput
    {
        int bed;
        std::vector<NumericSample> numerics; // latest of each numeric since the previous drain
        std::vector<GatewayAlarm> alarms;    // every gateway alarm report, in arrival order
        bool conditionsChanged = false;
    };
    std::vector<BedInput> inputs;
};

class Ward : public IngestSink
{
public:
    static constexpr int kMaxBeds = 128;
    static constexpr qint64 kClockSkewAllowanceMs = 60'000;

    // With configured beds, data for any other bed is acknowledged and counted but never shown (it must
    // not be misattributed). Without, beds appear in the order their first message arrives.
    explicit Ward(std::vector<BedConfig> configuredBeds = {}, int maxDynamicBeds = 64);
    ~Ward() override;

    int bedCount() const { return m_published.load(std::memory_order_acquire); }
    Bed *bed(int i) const { return (i >= 0 && i < bedCount()) ? m_beds[i].get() : nullptr; }
    int indexOf(const QString &key) const;
    quint64 unknownBedMessages() const { return m_unknownBedMessages.load(); }

    // Seconds without any data after which a bed shows "no data". Station reads it back: a link must be up
    // this long before a silent bed is its own NO DATA story.
    void setNoDataTimeout(double seconds) { m_noDataTimeoutMs = static_cast<qint64>(seconds * 1000); }
    qint64 noDataTimeoutMs() const { return m_noDataTimeoutMs; }

    // Called (from the source's thread) when an update carries alarms: alarms must not wait for the next
    // numerics batch. The receiver posts a drain to the GUI thread; calls are coalesced until drain() runs.
    void setUrgentHandler(std::function<void()> handler) { m_urgent = std::move(handler); }

    // IngestSink — any thread.
    void deliver(BedUpdate &&update) override;
    void sourceStatusChanged(const SourceStatus &status) override;

    // GUI thread: apply queued updates and re-judge staleness at nowMs.
    DrainResult drain(qint64 nowMs);

    // Numbers for the state file and tests.
    quint64 samplesReceived(int bed, WaveId id) const;

private:
    struct Pending
    {
        std::optional<PatientInfo> patient;
        std::array<std::optional<NumericSample>, kNumericCount> numerics;
        std::vector<DeviceCondition> conditionChanges;
        std::vector<GatewayAlarm> alarms;
        QString sourceId;
        bool touched = false;
    };

    Bed *findOrCreate(const QString &key, const QString &label);
    void writeWave(Bed &bed, const WaveBlock &block, qint64 nowMs);

    std::array<std::unique_ptr<Bed>, kMaxBeds> m_beds;
    std::atomic<int> m_created{0};   // beds created (source side)
    std::atomic<int> m_published{0}; // beds visible to the GUI (after drain)
    bool m_fixed = false;
    int m_maxBeds;
    mutable std::mutex m_indexMutex;
    QHash<QString, int> m_index;
    std::atomic<quint64> m_unknownBedMessages{0};
    qint64 m_noDataTimeoutMs = 10000;

    std::mutex m_pendingMutex;
    std::vector<Pending> m_pending; // by bed index, sized kMaxBeds
    std::vector<SourceStatus> m_pendingSources;

    std::function<void()> m_urgent;
    std::atomic<bool> m_urgentPending{false};

    std::mutex m_retiredMutex;
    std::vector<std::unique_ptr<WaveformChannel>> m_allChannels; // owns every channel ever created
};

} // namespace vigil
