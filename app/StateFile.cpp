#include "StateFile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace vigil {

static QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

static QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path); // writes a temporary file and renames it over the target on commit()
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

StateFileWriter::StateFileWriter(Station *station, QString path, QObject *parent)
    : QObject(parent), m_station(station), m_path(std::move(path))
{
    m_uptime.start();
    m_thread.setObjectName(QStringLiteral("state-file"));
    m_worker = new QObject; // lives on m_thread; writes are posted to it as functors
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
    connect(&m_timer, &QTimer::timeout, this, &StateFileWriter::tick);
}

StateFileWriter::~StateFileWriter()
{
    m_timer.stop();
    m_thread.quit();
    m_thread.wait();
}

void StateFileWriter::start(int intervalMs)
{
    m_timer.start(intervalMs);
    tick();
}

QJsonObject StateFileWriter::snapshot(const Station &station, qint64 nowMs, qint64 uptimeMs)
{
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("vigil-state");
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("generated")] = isoTime(nowMs);
    QJsonObject st;
    st[QStringLiteral("name")] = station.stationName();
    st[QStringLiteral("ward")] = station.wardName();
    st[QStringLiteral("uptime_s")] = uptimeMs / 1000.0;
    root[QStringLiteral("station")] = st;

    QJsonArray sources;
    for (const SourceStatus &s : station.sourcesModel()->statuses()) {
        QJsonObject o;
        o[QStringLiteral("id")] = s.id;
        o[QStringLiteral("name")] = s.name;
        o[QStringLiteral("url")] = s.url;
        o[QStringLiteral("state")] = toString(s.state);
        o[QStringLiteral("secure")] = s.secure;
        o[QStringLiteral("since")] = isoTime(s.sinceMs);
        o[QStringLiteral("messages")] = static_cast<double>(s.messages);
        o[QStringLiteral("errors")] = static_cast<double>(s.errors);
        o[QStringLiteral("resends")] = static_cast<double>(s.resends);
        o[QStringLiteral("last_message")] = isoTime(s.lastMessageMs);
        o[QStringLiteral("last_error")] = s.lastError;
        sources.append(o);
    }
    root[QStringLiteral("sources")] = sources;

    const Ward &ward = *station.ward();
    QJsonArray beds;
    for (int i = 0; i < station.wardModel()->rowCount(); ++i) {
        const Bed *b = ward.bed(i);
        if (!b)
            continue;
        QJsonObject o;
        o[QStringLiteral("index")] = i;
        o[QStringLiteral("key")] = b->key();
        o[QStringLiteral("label")] = b->label();
        o[QStringLiteral("source")] = b->sourceId;
        QJsonObject patient;
        patient[QStringLiteral("id")] = b->shownPatient().id;
        patient[QStringLiteral("name")] = b->shownPatient().name;
        o[QStringLiteral("patient")] = patient;
        if (b->admitted) // the monitor's own patient beside the admitted one
            o[QStringLiteral("monitor_patient")] =
                QJsonObject{{QStringLiteral("id"), b->patient.id}, {QStringLiteral("name"), b->patient.name}};
        o[QStringLiteral("stay")] = b->stay;
        o[QStringLiteral("no_data")] = b->noData;
        o[QStringLiteral("last_data")] = isoTime(b->lastDataMs());
        QJsonArray conditions;
        for (const auto &c : b->conditions)
            conditions.append(
                QJsonObject{{QStringLiteral("code"), c.code}, {QStringLiteral("text"), c.text}});
        o[QStringLiteral("conditions")] = conditions;
        QJsonObject alarm;
        alarm[QStringLiteral("priority")] = static_cast<int>(b->alarmPriority);
        alarm[QStringLiteral("text")] = b->alarmText;
        alarm[QStringLiteral("count")] = b->alarmCount;
        alarm[QStringLiteral("escalated")] = b->alarmEscalated;
        alarm[QStringLiteral("acknowledged")] = b->alarmAcknowledged;
        alarm[QStringLiteral("paused")] = b->alarmPaused;
        alarm[QStringLiteral("pause_remaining_s")] = b->alarmPauseRemainingS;
        alarm[QStringLiteral("custom_limits")] = b->customLimits;
        o[QStringLiteral("alarm")] = alarm;
        o[QStringLiteral("category")] = b->category;
        QJsonObject numerics;
        for (const NumericInfo &info : kNumerics) {
            const NumericState &n = b->numerics[static_cast<int>(info.id)];
            if (!n.hasValue())
                continue;
            QJsonObject v;
            v[QStringLiteral("value")] = n.value;
            v[QStringLiteral("unit")] = fromView(info.unit);
            v[QStringLiteral("time")] = isoTime(n.timeMs);
            v[QStringLiteral("stale")] = n.stale;
            const int idx = static_cast<int>(info.id);
            if (!b->numericBlank[idx].isEmpty())
                v[QStringLiteral("blank")] = b->numericBlank[idx]; // shown instead of the value
            if (b->numericAlarm[idx] > 0)
                v[QStringLiteral("alarm_priority")] = b->numericAlarm[idx];
            numerics[fromView(info.key)] = v;
        }
        o[QStringLiteral("numerics")] = numerics;
        QJsonObject waves;
        for (const WaveInfo &info : kWaves) {
            const WaveformChannel *ch = b->channel(info.id);
            if (!ch)
                continue;
            QJsonObject w;
            w[QStringLiteral("sample_rate")] = ch->sampleRate();
            w[QStringLiteral("unit")] = fromView(info.unit);
            w[QStringLiteral("samples_received")] = static_cast<double>(ch->samplesReceived.load());
            w[QStringLiteral("gaps")] = static_cast<double>(ch->gaps.load());
            w[QStringLiteral("overlaps")] = static_cast<double>(ch->overlaps.load());
            w[QStringLiteral("last_write")] = isoTime(ch->lastWriteWallMs.load());
            waves[fromView(info.key)] = w;
        }
        o[QStringLiteral("waves")] = waves;
        beds.append(o);
    }
    root[QStringLiteral("beds")] = beds;
    root[QStringLiteral("unknown_bed_messages")] = static_cast<double>(ward.unknownBedMessages());
    // Active alarms with their state, the audio decision and statistics (docs/ALARMS.md).
    root[QStringLiteral("alarms")] = station.alarmEngine()->toJson();
    // What the alarm bar shows: the first unacknowledged condition of beds whose alarms are not paused.
    const AlarmBarState::State &bar = station.alarmBar()->state();
    root[QStringLiteral("alarm_bar")] = QJsonObject{
        {QStringLiteral("id"), bar.id},
        {QStringLiteral("priority"), static_cast<int>(bar.priority)},
        {QStringLiteral("where"), bar.bed},
        {QStringLiteral("patient"), bar.patient},
        {QStringLiteral("condition"), bar.condition},
        {QStringLiteral("values"), bar.values},
        {QStringLiteral("acknowledged"), bar.acknowledged},
        {QStringLiteral("unacknowledged"), bar.unacknowledged},
        {QStringLiteral("signalling"), bar.signalling},
        {QStringLiteral("paused_beds"), bar.pausedBeds},
    };
    root[QStringLiteral("archive_problem")] = station.archiveProblem();
    // Who is signed in and whether the controls are locked (issue 12). Never a secret.
    const security::Access *access = station.access();
    root[QStringLiteral("session")] = QJsonObject{{QStringLiteral("enforcing"), access->enforcing()},
                                                  {QStringLiteral("user"), access->userName()},
                                                  {QStringLiteral("role"), security::roleKey(access->role())},
                                                  {QStringLiteral("locked"), access->locked()}};
    if (station.cluster()->enabled()) // issue 16: the cluster link's counters (docs/SCALE.md)
        root[QStringLiteral("cluster")] = station.cluster()->stats();
    root[QStringLiteral("census")] = station.census()->toJson(); // stays per bed, conflicts (docs/ADT.md)
    return root;
}

void StateFileWriter::tick()
{
    if (m_busy.exchange(true))
        return; // the previous write still runs: skip this second's snapshot
    const QJsonObject snap = snapshot(*m_station, QDateTime::currentMSecsSinceEpoch(), m_uptime.elapsed());
    QMetaObject::invokeMethod(m_worker, [this, snap] {
        QString error;
        const QByteArray data = QJsonDocument(snap).toJson(QJsonDocument::Indented);
        if (writeFileAtomically(m_path, data, &error)) {
            m_writes.fetch_add(1);
        } else {
            // Reported once per distinct error, not every second.
            if (m_failures.fetch_add(1) == 0 || error != m_lastError)
                qWarning("state file %s: cannot write: %s", qPrintable(m_path), qPrintable(error));
            m_lastError = error;
        }
        m_busy.store(false);
    });
}

bool StateFileWriter::writeNow(QString *error)
{
    const QJsonObject snap = snapshot(*m_station, QDateTime::currentMSecsSinceEpoch(), m_uptime.elapsed());
    return writeFileAtomically(m_path, QJsonDocument(snap).toJson(QJsonDocument::Indented), error);
}

} // namespace vigil
