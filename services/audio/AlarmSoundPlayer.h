// Plays the one alarm pattern the engine asks for through Qt Multimedia (QAudioSink), switching at once
// when the highest priority changes (IEC 60601-1-8: only the highest-priority pattern sounds).
//
// Headless machines and CI have no audio device: the player then reports "no audio output" once (signal
// and qWarning), keeps accepting patterns, and never crashes. The visual alarm signals do not depend on it.
#pragma once

#include "AlarmTones.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

class QAudioSink;

namespace vigil::audio {

class PcmLoopDevice;

class AlarmSoundPlayer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool outputAvailable READ outputAvailable NOTIFY outputAvailableChanged)
public:
    explicit AlarmSoundPlayer(QObject *parent = nullptr);
    ~AlarmSoundPlayer() override;

    // generation: bump it when a new condition becomes audible; a pattern played once (LOW) plays again.
    void setPattern(BurstPattern pattern, quint64 generation = 0);
    BurstPattern pattern() const { return m_pattern; }
    bool outputAvailable() const { return m_available; }
    QString lastError() const { return m_lastError; }
    int sampleRate() const { return m_rate; }

signals:
    void outputUnavailable(const QString &reason); // once per loss of output
    void outputAvailableChanged();

private:
    bool ensureSink();
    void start();
    void unavailable(const QString &reason);
    const QByteArray &cycle(BurstPattern p);

    BurstPattern m_pattern = BurstPattern::None;
    quint64 m_generation = 0;
    QAudioSink *m_sink = nullptr;
    PcmLoopDevice *m_device = nullptr;
    int m_rate = 44100;
    bool m_available = false;
    bool m_reported = false;
    QString m_lastError;
    QHash<int, QByteArray> m_cycles;
};

} // namespace vigil::audio
