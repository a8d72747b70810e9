#include "ArchiveQueryAdapter.h"

#include "ArchiveReader.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::archive {

// Takes a reader for the duration of one call and hands it back; a reader that reported an error is
// dropped, since its connection may be the problem (a replaced or damaged file).
class ArchiveQueryAdapter::Lease
{
public:
    Lease(ArchiveQueryAdapter &owner, QString *error) : m_owner(owner), m_error(error)
    {
        m_reader = owner.take(error);
    }
    ~Lease()
    {
        if (!m_reader)
            return;
        if (!m_reader->lastError().isEmpty()) {
            if (m_error)
                *m_error = m_reader->lastError();
            return;
        }
        m_owner.give(std::move(m_reader));
    }
    Lease(const Lease &) = delete;
    Lease &operator=(const Lease &) = delete;
    ArchiveReader *operator->() const { return m_reader.get(); }
    explicit operator bool() const { return m_reader != nullptr; }

private:
    ArchiveQueryAdapter &m_owner;
    QString *m_error;
    std::unique_ptr<ArchiveReader> m_reader;
};

ArchiveQueryAdapter::ArchiveQueryAdapter(QString path, int maxIdleReaders)
    : m_path(std::move(path)), m_maxIdle(std::max(1, maxIdleReaders))
{}

ArchiveQueryAdapter::~ArchiveQueryAdapter() = default;

int ArchiveQueryAdapter::readersOpened() const
{
    std::lock_guard lock(m_mutex);
    return m_opened;
}

std::unique_ptr<ArchiveReader> ArchiveQueryAdapter::take(QString *error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto r = std::move(m_idle.back());
            m_idle.pop_back();
            return r;
        }
    }
    // Opened outside the lock: another thread may be opening or returning one meanwhile.
    QString openError;
    auto r = ArchiveReader::open(m_path, &openError);
    if (!r) {
        if (error)
            *error = openError;
        return nullptr;
    }
    std::lock_guard lock(m_mutex);
    ++m_opened;
    return r;
}

void ArchiveQueryAdapter::give(std::unique_ptr<ArchiveReader> reader)
{
    std::lock_guard lock(m_mutex);
    if (static_cast<int>(m_idle.size()) < m_maxIdle)
        m_idle.push_back(std::move(reader));
}

std::vector<ArchiveStayInfo> ArchiveQueryAdapter::stays(const QString &bedKey, qint64 fromMs, qint64 toMs,
                                                        QString *error)
{
    std::vector<ArchiveStayInfo> out;
    Lease reader(*this, error);
    if (!reader)
        return out;
    for (StayRecord &s : reader->stays(bedKey, fromMs, toMs)) {
        ArchiveStayInfo info;
        info.bedLabel = std::move(s.bedLabel);
        info.patientId = std::move(s.patientId);
        info.patientName = std::move(s.patientName);
        info.fromMs = s.startMs;
        info.toMs = s.endMs;
        info.lastDataMs = s.lastDataMs;
        out.push_back(std::move(info));
    }
    return out;
}

std::vector<ArchiveTrendSeries> ArchiveQueryAdapter::trend(const QString &bedKey,
                                                           std::span<const NumericId> ids, qint64 t1Ms,
                                                           qint64 t2Ms, int maxPoints, QString *error)
{
    std::vector<ArchiveTrendSeries> out;
    Lease reader(*this, error);
    if (!reader)
        return out;
    for (TrendSeries &s : reader->trend(bedKey, ids, t1Ms, t2Ms, maxPoints)) {
        if (s.points.empty())
            continue;
        ArchiveTrendSeries series;
        series.id = s.id;
        series.rawCount = s.rawCount;
        series.points.reserve(s.points.size());
        for (const TrendPoint &p : s.points)
            series.points.push_back({p.timeMs, p.value, p.min, p.max});
        out.push_back(std::move(series));
    }
    return out;
}

std::vector<ArchiveWaveStrip> ArchiveQueryAdapter::waveStrip(const QString &bedKey, qint64 t1Us, qint64 t2Us,
                                                             std::span<const WaveId> channels, QString *error)
{
    std::vector<ArchiveWaveStrip> out;
    Lease reader(*this, error);
    if (!reader)
        return out;
    for (WaveStrip &s : reader->waveStrip(bedKey, t1Us, t2Us, channels))
        out.push_back({s.id, s.sampleRate, s.startUs, std::move(s.samples)});
    return out;
}

namespace {

// ArchiveAlarmEntry (models/domain/ArchiveQuery.h) keeps its own "unknown" value for the review.

} // namespace

std::vector<ArchiveAlarmEntry> ArchiveQueryAdapter::alarms(const QString &bedKey, qint64 t1Ms, qint64 t2Ms,
                                                           QString *error)
{
    std::vector<ArchiveAlarmEntry> out;
    Lease reader(*this, error);
    if (!reader)
        return out;
    // A ward-wide query would mix beds under one alarm id; the review is per bed.
    if (bedKey.isEmpty())
        return out;
    std::map<QString, std::size_t> index;
    for (const AlarmRecord &step : reader->alarms(bedKey, t1Ms, t2Ms)) {
        auto [it, fresh] = index.try_emplace(step.alarmId, out.size());
        if (fresh) {
            ArchiveAlarmEntry e;
            e.alarmId = step.alarmId;
            e.timeMs = step.onsetMs > 0 ? step.onsetMs : step.timeMs;
            out.push_back(std::move(e));
        }
        ArchiveAlarmEntry &e = out[it->second];
        // The first step that says something wins for text and measurement: that is what the nurse saw
        // when the alarm sounded. Priority keeps the highest level reached (an escalation).
        if (e.text.isEmpty())
            e.text = step.text;
        if (e.code.isEmpty())
            e.code = step.code;
        if (e.metric.isEmpty())
            e.metric = step.metric;
        if (e.unit.isEmpty())
            e.unit = step.unit;
        if (std::isnan(e.value))
            e.value = step.value;
        if (std::isnan(e.limitLow))
            e.limitLow = step.limitLow;
        if (std::isnan(e.limitHigh))
            e.limitHigh = step.limitHigh;
        if (!e.kind)
            e.kind = step.kind;
        if (step.priority && (!e.priority || *step.priority > *e.priority))
            e.priority = step.priority;
        if (step.step == AlarmStep::Acknowledge && e.acknowledgedMs == 0) {
            e.acknowledgedBy = step.user;
            e.acknowledgedMs = step.timeMs;
        }
        if ((step.step == AlarmStep::End || step.step == AlarmStep::Reset) && e.endTimeMs == 0)
            e.endTimeMs = step.timeMs;
    }
    std::stable_sort(out.begin(), out.end(), [](const ArchiveAlarmEntry &a, const ArchiveAlarmEntry &b) {
        return a.timeMs < b.timeMs;
    });
    return out;
}

} // namespace vigil::archive
