#include "AlarmSoundPlayer.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <QtDebug>

#include <algorithm>
#include <cstring>

namespace vigil::audio {

// Serves one PCM cycle to the sink, endlessly for repeating patterns, once for the LOW pattern.
class PcmLoopDevice : public QIODevice
{
public:
    explicit PcmLoopDevice(QObject *parent) : QIODevice(parent) {}
    void setData(const QByteArray &data, bool loop)
    {
        m_data = data;
        m_loop = loop;
        m_pos = 0;
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        if (m_data.isEmpty())
            return 0;
        return (m_loop ? m_data.size() : m_data.size() - m_pos) + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return !m_loop && m_pos >= m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_data.isEmpty())
            return 0;
        qint64 done = 0;
        while (done < max) {
            if (m_pos >= m_data.size()) {
                if (!m_loop)
                    break;
                m_pos = 0;
            }
            const qint64 n = std::min<qint64>(max - done, m_data.size() - m_pos);
            std::memcpy(out + done, m_data.constData() + m_pos, static_cast<std::size_t>(n));
            done += n;
            m_pos += n;
        }
        return done;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    bool m_loop = false;
    qint64 m_pos = 0;
};

AlarmSoundPlayer::AlarmSoundPlayer(QObject *parent) : QObject(parent) {}

AlarmSoundPlayer::~AlarmSoundPlayer()
{
    if (m_sink)
        m_sink->stop();
}

void AlarmSoundPlayer::unavailable(const QString &reason)
{
    m_lastError = reason;
    const bool was = m_available;
    m_available = false;
    if (was)
        emit outputAvailableChanged();
    if (!m_reported) {
        // Once: a station without a loudspeaker must say so, but not flood the log every drain.
        m_reported = true;
        qWarning("Alarm audio: no audio output (%s); alarms are visual only", qPrintable(reason));
        emit outputUnavailable(reason);
    }
}

bool AlarmSoundPlayer::ensureSink()
{
    if (m_sink)
        return true;
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        unavailable(QStringLiteral("no audio output device"));
        return false;
    }
    QAudioFormat format;
    format.setSampleRate(44100);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    if (!device.isFormatSupported(format)) {
        format.setSampleRate(device.preferredFormat().sampleRate());
        if (!device.isFormatSupported(format)) {
            unavailable(QStringLiteral("%1 does not accept 16-bit mono").arg(device.description()));
            return false;
        }
    }
    m_rate = format.sampleRate();
    m_cycles.clear();
    m_sink = new QAudioSink(device, format, this);
    m_device = new PcmLoopDevice(this);
    m_device->open(QIODevice::ReadOnly);
    connect(m_sink, &QAudioSink::stateChanged, this, [this](QAudio::State) {
        if (!m_sink)
            return;
        const QAudio::Error e = m_sink->error();
        if (e == QAudio::OpenError || e == QAudio::FatalError || e == QAudio::IOError) {
            QAudioSink *dead = m_sink;
            m_sink = nullptr;
            dead->deleteLater();
            unavailable(e == QAudio::OpenError ? QStringLiteral("the audio device could not be opened")
                                               : QStringLiteral("the audio device failed"));
        }
    });
    if (!m_available) {
        m_available = true;
        m_reported = false;
        emit outputAvailableChanged();
    }
    return true;
}

const QByteArray &AlarmSoundPlayer::cycle(BurstPattern p)
{
    const int key = static_cast<int>(p);
    auto it = m_cycles.find(key);
    if (it == m_cycles.end()) {
        const std::vector<qint16> pcm = renderCycle(p, m_rate);
        QByteArray bytes(reinterpret_cast<const char *>(pcm.data()), static_cast<qsizetype>(pcm.size() * 2));
        it = m_cycles.insert(key, bytes);
    }
    return it.value();
}

void AlarmSoundPlayer::start()
{
    if (m_sink)
        m_sink->stop();
    if (m_pattern == BurstPattern::None)
        return;
    if (!ensureSink())
        return;
    m_device->setData(cycle(m_pattern), burstSpec(m_pattern).repeatMs > 0);
    m_sink->start(m_device);
}

void AlarmSoundPlayer::setPattern(BurstPattern pattern, quint64 generation)
{
    const bool replayOnce = pattern == BurstPattern::Low && generation != m_generation;
    m_generation = generation;
    if (pattern == m_pattern && !replayOnce)
        return;
    m_pattern = pattern;
    start();
}

} // namespace vigil::audio
