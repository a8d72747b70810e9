// Replays a WFDB record as if a bedside monitor were streaming it: a demo and test source for the station.
//
// Every tick (50 ms, precise timer) it delivers what became due since the previous tick, in record time
// = wall time since start() x speed. Each mapped signal (waveIdForSignal) becomes one WaveBlock per tick
// at the signal's own rate, in physical units, with the signal's gain and baseline so the model layer can
// recover the original adu exactly; invalid samples arrive as NaN. Signals without a domain channel, or a
// second signal for a channel already taken, are skipped (logged once).
//
// Sample timestamps are on the record's own timeline, anchored at the wall time of start():
// startTimeUs = start + index / rate. At speed 1 that is wall time; at other speeds the waveform still
// carries its true rate, which is what a sweep display needs.
#pragma once

#include "GatewaySource.h"
#include "Wfdb.h"

#include <QElapsedTimer>

#include <memory>
#include <vector>

class QTimer;

namespace vigil::wfdb {

class WfdbReplaySource : public vigil::GatewaySource
{
    Q_OBJECT
public:
    // speed: record seconds per wall second (> 0). loop: start over at the end of the record instead of
    // going quiet. The source stays Connected after a non-looping record ends, as a silent monitor would.
    WfdbReplaySource(std::shared_ptr<const Record> record, QString bedKey, QString bedLabel, double speed,
                     bool loop, IngestSink *sink, QObject *parent = nullptr);
    // Opens the record in start(), on the source's thread; a record that fails to open puts the source in
    // the Error state with the reader's message.
    WfdbReplaySource(QString headerPath, QString bedKey, QString bedLabel, double speed, bool loop,
                     IngestSink *sink, QObject *parent = nullptr);
    ~WfdbReplaySource() override;

    static constexpr int kTickMs = 50;

public slots:
    void start() override;
    void stop() override;

signals:
    // Emitted once when a non-looping replay has delivered the whole record.
    void finished();

private:
    struct Channel
    {
        int signal;
        WaveId id;
        double rate;
        double gain;
        int baseline;
        qint64 delivered = 0; // samples handed out so far, across loops
    };

    void prepareChannels();
    void tick();

    std::shared_ptr<const Record> m_record;
    QString m_headerPath;
    QString m_bedKey, m_bedLabel;
    double m_speed;
    bool m_loop;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_startUs = 0;
    bool m_patientSent = false;
    bool m_finished = false;
    std::vector<Channel> m_channels;
};

} // namespace vigil::wfdb
