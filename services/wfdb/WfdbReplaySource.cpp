#include "WfdbReplaySource.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcWfdbReplay, "vigil.wfdb.replay")

namespace vigil::wfdb {

namespace {

QString sourceId(const QString &bedKey)
{
    return QStringLiteral("wfdb:") + bedKey;
}

double sanitizedSpeed(double speed)
{
    return std::isfinite(speed) && speed > 0 ? speed : 1.0;
}

} // namespace

WfdbReplaySource::WfdbReplaySource(std::shared_ptr<const Record> record, QString bedKey, QString bedLabel,
                                   double speed, bool loop, IngestSink *sink, QObject *parent)
    : GatewaySource(sourceId(bedKey),
                    QStringLiteral("WFDB replay %1").arg(record ? record->header().recordName : QString()),
                    QStringLiteral("wfdb:%1").arg(record ? record->header().recordName : QString()), sink,
                    parent),
      m_record(std::move(record)), m_bedKey(std::move(bedKey)), m_bedLabel(std::move(bedLabel)),
      m_speed(sanitizedSpeed(speed)), m_loop(loop)
{}

WfdbReplaySource::WfdbReplaySource(QString headerPath, QString bedKey, QString bedLabel, double speed,
                                   bool loop, IngestSink *sink, QObject *parent)
    : GatewaySource(sourceId(bedKey),
                    QStringLiteral("WFDB replay %1").arg(QFileInfo(headerPath).completeBaseName()),
                    QStringLiteral("file://%1").arg(QFileInfo(headerPath).absoluteFilePath()), sink, parent),
      m_headerPath(std::move(headerPath)), m_bedKey(std::move(bedKey)), m_bedLabel(std::move(bedLabel)),
      m_speed(sanitizedSpeed(speed)), m_loop(loop)
{}

WfdbReplaySource::~WfdbReplaySource() = default;

void WfdbReplaySource::prepareChannels()
{
    m_channels.clear();
    const Header &h = m_record->header();
    bool taken[kWaveCount] = {};
    for (int s = 0; s < m_record->signalCount(); ++s) {
        const SignalInfo &sig = h.signalInfos[std::size_t(s)];
        const std::optional<WaveId> id = waveIdForSignal(sig);
        if (!id) {
            qCInfo(lcWfdbReplay, "%s: signal %d '%s' has no station channel, not replayed",
                   qUtf8Printable(h.recordName), s, qUtf8Printable(sig.description));
            continue;
        }
        // The station keeps one ring per channel and bed: a second source for it would interleave garbage.
        if (taken[int(*id)]) {
            qCInfo(lcWfdbReplay,
                   "%s: signal %d '%s' maps to channel %.*s, already fed by an earlier signal; "
                   "not replayed",
                   qUtf8Printable(h.recordName), s, qUtf8Printable(sig.description),
                   int(waveInfo(*id).key.size()), waveInfo(*id).key.data());
            continue;
        }
        if (m_record->samples(s).empty())
            continue;
        taken[int(*id)] = true;
        m_channels.push_back({s, *id, m_record->sampleRate(s), sig.gain, sig.baseline});
    }
}

void WfdbReplaySource::start()
{
    if (m_timer && m_timer->isActive())
        return;
    if (!m_record) {
        QString error;
        std::optional<Record> r = Record::open(m_headerPath, &error);
        if (!r) {
            qCWarning(lcWfdbReplay, "%s", qUtf8Printable(error));
            setState(SourceStatus::State::Error, error);
            return;
        }
        m_record = std::make_shared<const Record>(std::move(*r));
    }
    prepareChannels();
    m_patientSent = false;
    m_finished = false;
    m_startUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_clock.start();
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(kTickMs);
        connect(m_timer, &QTimer::timeout, this, &WfdbReplaySource::tick);
    }
    m_timer->start();
    setState(SourceStatus::State::Connected);
}

void WfdbReplaySource::stop()
{
    if (m_timer)
        m_timer->stop();
    setState(SourceStatus::State::Stopped);
}

void WfdbReplaySource::tick()
{
    const double recordS = double(m_clock.nsecsElapsed()) * 1e-9 * m_speed;
    // After a stall (debugger, suspended laptop) deliver at most this much backlog and leave a gap in
    // the timestamps instead of flooding the sink with hours of samples at once.
    const double maxBacklogS = std::max(10.0, 4.0 * kTickMs * 1e-3 * m_speed);

    BedUpdate update;
    update.bedKey = m_bedKey;
    update.bedLabel = m_bedLabel;
    update.sourceId = id();
    bool allDone = true;
    for (Channel &ch : m_channels) {
        const std::vector<int32_t> &samples = m_record->samples(ch.signal);
        const qint64 n = qint64(samples.size());
        qint64 due = qint64(std::floor(recordS * ch.rate));
        if (!m_loop)
            due = std::min(due, n);
        const qint64 maxBacklog = qint64(std::ceil(maxBacklogS * ch.rate));
        if (due - ch.delivered > maxBacklog)
            ch.delivered = due - maxBacklog;
        if (!m_loop && due < n)
            allDone = false;
        if (due <= ch.delivered)
            continue;

        WaveBlock block;
        block.id = ch.id;
        block.sampleRate = ch.rate;
        block.startTimeUs = m_startUs + qint64(std::llround(double(ch.delivered) * 1e6 / ch.rate));
        block.gain = ch.gain;
        block.baseline = ch.baseline;
        block.samples.reserve(std::size_t(due - ch.delivered));
        for (qint64 i = ch.delivered; i < due; ++i) {
            const int32_t adu = samples[std::size_t(i % n)];
            block.samples.push_back(m_record->isInvalid(ch.signal, adu)
                                        ? std::numeric_limits<float>::quiet_NaN()
                                        : float((adu - ch.baseline) / ch.gain));
        }
        ch.delivered = due;
        update.waves.push_back(std::move(block));
    }

    if (!update.waves.empty()) {
        if (!m_patientSent) {
            const QString name = m_record->header().recordName;
            update.patient = PatientInfo{name, QStringLiteral("WFDB %1").arg(name), PatientProfile::Adult};
            m_patientSent = true;
        }
        if (sink())
            sink()->deliver(std::move(update));
        noteMessage(QDateTime::currentMSecsSinceEpoch());
    }
    if (!m_loop && allDone && !m_finished) {
        // Stay Connected: a monitor that has nothing more to say is still there.
        m_finished = true;
        m_timer->stop();
        emit finished();
    }
}

} // namespace vigil::wfdb
