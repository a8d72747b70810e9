// Reports: reading a bed's period from the archive and deriving the handover's figures.
#include "ReportData.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>

namespace vigil::reports {

using namespace vigil::archive;

namespace {

double medianOf(std::vector<double> &v)
{
    const std::size_t n = v.size();
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(n / 2), v.end());
    double m = v[n / 2];
    if (n % 2 == 0) {
        const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(n / 2));
        m = (m + lower) / 2;
    }
    return m;
}

QString limitText(double lo, double hi)
{
    auto one = [](double v) { return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'g', 4); };
    return one(lo) + QStringLiteral("\u2013") + one(hi);
}

} // namespace

QString fmtTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

QString fmtDateTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString fmtDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString fmtValue(NumericId id, double v)
{
    if (std::isnan(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', numericInfo(id).decimals);
}

QString priorityName(std::optional<alarms::Priority> p)
{
    return p ? alarms::nameOf(*p) : QStringLiteral("unknown");
}

std::vector<AlarmSummary> foldAlarms(const std::vector<AlarmRecord> &steps)
{
    std::vector<AlarmSummary> out;
    std::map<QString, std::size_t> index;
    for (const auto &r : steps) {
        auto it = index.find(r.alarmId);
        if (it == index.end()) {
            AlarmSummary a;
            a.alarmId = r.alarmId;
            a.code = r.code;
            a.text = r.text;
            a.metric = r.metric;
            a.unit = r.unit;
            a.priority = r.priority;
            a.kind = r.kind;
            a.onsetMs = r.onsetMs > 0 ? r.onsetMs : r.timeMs;
            it = index.emplace(r.alarmId, out.size()).first;
            out.push_back(a);
        }
        AlarmSummary &a = out[it->second];
        if (!r.text.isEmpty())
            a.text = r.text;
        if (r.priority && (!a.priority || *r.priority > *a.priority))
            a.priority = r.priority;
        if (!a.kind)
            a.kind = r.kind;
        if (!std::isnan(r.value))
            a.value = r.value;
        if (!std::isnan(r.limitLow))
            a.limitLow = r.limitLow;
        if (!std::isnan(r.limitHigh))
            a.limitHigh = r.limitHigh;
        if (a.unit.isEmpty())
            a.unit = r.unit;
        switch (r.step) {
        case AlarmStep::Escalate:
            ++a.escalations;
            break;
        case AlarmStep::Acknowledge:
            if (!a.ackMs) {
                a.ackMs = r.timeMs;
                a.ackBy = r.user;
            }
            break;
        case AlarmStep::End:
        case AlarmStep::Reset:
            if (!a.endMs)
                a.endMs = r.timeMs;
            break;
        default:
            break;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AlarmSummary &x, const AlarmSummary &y) { return x.onsetMs < y.onsetMs; });
    return out;
}

std::vector<ConditionEpisode> foldConditions(const std::vector<ArchiveEvent> &events)
{
    std::vector<ConditionEpisode> out;
    std::map<QString, std::size_t> open; // code -> index in out
    for (const auto &e : events) {
        if (e.type == kConditionOn) {
            if (open.count(e.code))
                continue;
            open[e.code] = out.size();
            out.push_back({e.bedKey, e.code, e.text, e.timeMs, std::nullopt});
        } else if (e.type == kConditionOff) {
            auto it = open.find(e.code);
            if (it != open.end()) {
                out[it->second].endMs = e.timeMs;
                open.erase(it);
            } else {
                out.push_back({e.bedKey, e.code, e.text, std::nullopt, e.timeMs});
            }
        }
    }
    return out;
}

std::optional<qint64> medianTimeToAckMs(const std::vector<AlarmSummary> &alarmList)
{
    std::vector<double> t;
    for (const auto &a : alarmList)
        if (a.ackMs)
            t.push_back(double(*a.ackMs - a.onsetMs));
    if (t.empty())
        return std::nullopt;
    return qint64(std::llround(medianOf(t)));
}

QString gapReason(const std::vector<StayRecord> &stays, const std::vector<ArchiveEvent> &events, qint64 t1Ms,
                  qint64 t2Ms)
{
    const qint64 mid = t1Ms + (t2Ms - t1Ms) / 2;
    bool admitted = false;
    for (const auto &s : stays)
        if (s.startMs <= mid && (!s.endMs || *s.endMs > mid))
            admitted = true;
    if (!admitted)
        return QStringLiteral("no patient admitted");
    for (const auto &c : foldConditions(events)) {
        const qint64 a = c.startMs.value_or(ArchiveReader::kBegin);
        const qint64 b = c.endMs.value_or(ArchiveReader::kEnd);
        if (a < t2Ms && b > t1Ms)
            return c.text.isEmpty() ? c.code : c.text;
    }
    return QStringLiteral("no data archived");
}

QString gapReason(const PatientData &p, qint64 t1Ms, qint64 t2Ms)
{
    return gapReason(p.stays, p.events, t1Ms, t2Ms);
}

PatientData readPatient(ArchiveReader &reader, const BedRecord &bed, qint64 fromMs, qint64 toMs,
                        int chartPoints)
{
    PatientData p;
    p.bed = bed;
    p.fromMs = fromMs;
    p.toMs = toMs;
    p.stays = reader.stays(bed.key, fromMs, toMs);
    qint64 best = -1;
    for (const auto &s : p.stays) {
        const qint64 overlap = std::min(s.endMs.value_or(toMs), toMs) - std::max(s.startMs, fromMs);
        if (overlap > best) {
            best = overlap;
            p.stay = s;
        }
    }

    // Numerics: every raw sample (the hourly medians need them), reduced here for the charts.
    std::vector<NumericId> ids;
    ids.reserve(kNumericCount);
    for (int i = 0; i < kNumericCount; ++i)
        ids.push_back(NumericId(i));
    const auto raw = reader.trend(bed.key, ids, fromMs, toMs, 0);
    const qint64 hourMs = 3'600'000;
    const qint64 firstHour = fromMs - (fromMs % hourMs);
    const int hourCount = int((toMs - firstHour + hourMs - 1) / hourMs);
    p.hours.resize(std::size_t(std::max(0, hourCount)));
    for (int h = 0; h < hourCount; ++h)
        p.hours[std::size_t(h)].hourStartMs = firstHour + h * hourMs;
    // One flag per second of the period: some numeric was sampled then (an O(n) test for the stretches
    // without any numeric; sorting every sample time of a 12 h shift cost more than reading them).
    const qint64 slotCount = std::max<qint64>(1, (toMs - fromMs + 999) / 1000);
    std::vector<char> sampled(std::size_t(slotCount), 0);
    for (const auto &s : raw) {
        if (s.points.empty())
            continue;
        const int n = int(s.id);
        NumericSeries ns;
        ns.id = s.id;
        ns.rawCount = qint64(s.points.size());
        ns.latest = s.points.back();
        // Hourly median / min / max.
        std::vector<double> bucket;
        int currentHour = -1;
        auto flush = [&] {
            if (currentHour < 0 || bucket.empty())
                return;
            HourStats &hs = p.hours[std::size_t(currentHour)];
            hs.count[n] = int(bucket.size());
            hs.min[n] = *std::min_element(bucket.begin(), bucket.end());
            hs.max[n] = *std::max_element(bucket.begin(), bucket.end());
            hs.median[n] = medianOf(bucket);
            bucket.clear();
        };
        for (const auto &pt : s.points) {
            const int h = int((pt.timeMs - firstHour) / hourMs);
            if (h != currentHour) {
                flush();
                currentHour = h;
            }
            if (h >= 0 && h < hourCount && !std::isnan(pt.value))
                bucket.push_back(pt.value);
            if (pt.timeMs >= fromMs && pt.timeMs < toMs)
                sampled[std::size_t((pt.timeMs - fromMs) / 1000)] = 1;
        }
        flush();
        // Chart buckets: equal time spans; an empty bucket stays empty (the chart lifts the pen there).
        const int buckets = std::max(1, chartPoints);
        const double span = double(toMs - fromMs) / buckets;
        std::size_t i = 0;
        for (int b = 0; b < buckets && i < s.points.size(); ++b) {
            const qint64 end = fromMs + qint64(span * (b + 1));
            double sum = 0, mn = 0, mx = 0;
            double tsum = 0;
            int cnt = 0;
            for (; i < s.points.size() && s.points[i].timeMs < end; ++i) {
                const double v = s.points[i].value;
                if (std::isnan(v))
                    continue;
                mn = cnt ? std::min(mn, v) : v;
                mx = cnt ? std::max(mx, v) : v;
                sum += v;
                tsum += double(s.points[i].timeMs);
                ++cnt;
            }
            if (cnt)
                ns.points.push_back({qint64(tsum / cnt), sum / cnt, mn, mx});
        }
        p.series.push_back(std::move(ns));
    }

    // Stretches without any numeric.
    auto addGap = [&](qint64 a, qint64 b) {
        if (b - a >= kNumericGapMs) {
            p.noData.push_back({a, b, {}});
            p.noDataMs += b - a;
        }
    };
    qint64 runStart = -1;
    for (qint64 i = 0; i <= slotCount; ++i) {
        const bool empty = i < slotCount && !sampled[std::size_t(i)];
        if (empty && runStart < 0)
            runStart = i;
        else if (!empty && runStart >= 0) {
            addGap(fromMs + runStart * 1000, std::min(toMs, fromMs + i * 1000));
            runStart = -1;
        }
    }

    p.alarmSteps = reader.alarms(bed.key, fromMs, toMs);
    p.alarms = foldAlarms(p.alarmSteps);
    // Events from a little before the period: a condition that began earlier explains a gap at the start.
    p.events = reader.events(bed.key, fromMs - 6 * hourMs, toMs);
    p.conditions = foldConditions(p.events);
    for (auto &g : p.noData)
        g.reason = gapReason(p, g.fromMs, g.toMs);

    // Limit changes: the archive keeps the limits in force at every alarm step (and, when a later pass
    // records them, "limit_change" events with who changed what); a change between two steps of the same
    // measurement is a limit change seen at that step.
    std::map<QString, std::pair<double, double>> lastLimits;
    for (const auto &r : p.alarmSteps) {
        if (r.metric.isEmpty() || (std::isnan(r.limitLow) && std::isnan(r.limitHigh)))
            continue;
        auto it = lastLimits.find(r.metric);
        const auto now = std::make_pair(r.limitLow, r.limitHigh);
        auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
        if (it == lastLimits.end()) {
            p.limitChanges.push_back(
                {r.timeMs, r.metric,
                 QStringLiteral("in force: %1 %2").arg(limitText(r.limitLow, r.limitHigh), r.unit), r.user,
                 QStringLiteral("first alarm")});
        } else if (!same(it->second.first, now.first) || !same(it->second.second, now.second)) {
            p.limitChanges.push_back({r.timeMs, r.metric,
                                      QStringLiteral("%1 \u2192 %2 %3")
                                          .arg(limitText(it->second.first, it->second.second),
                                               limitText(now.first, now.second), r.unit),
                                      r.user, QStringLiteral("alarm record")});
        }
        lastLimits[r.metric] = now;
    }
    for (const auto &e : p.events) {
        if (e.timeMs < fromMs || !e.type.startsWith(QLatin1String("limit")))
            continue;
        // kLimitChange: "<numeric key> <low>–<high> by <user>" (what the station writes).
        QString who, what = e.text;
        const int at = e.text.lastIndexOf(QLatin1String(" by "));
        if (at >= 0) {
            who = e.text.mid(at + 4);
            what = e.text.left(at);
        }
        const int space = what.indexOf(u' ');
        const QString metric = space > 0 ? what.left(space) : QString();
        p.limitChanges.push_back({e.timeMs, metric, QStringLiteral("set to %1").arg(what.mid(space + 1)), who,
                                  QStringLiteral("station")});
    }
    std::stable_sort(p.limitChanges.begin(), p.limitChanges.end(),
                     [](const LimitChange &x, const LimitChange &y) { return x.timeMs < y.timeMs; });

    for (const auto &e : p.events)
        if (e.timeMs >= fromMs && e.type == QLatin1String("news2"))
            if (auto n = parseNews2(e))
                p.news2.push_back(*n);

    if (auto h = reader.handover(bed.key, toMs)) {
        // A handover saved during an earlier stay is not this patient's.
        if (!p.stay || h->timeMs >= p.stay->startMs)
            p.handover = Handover{h->severity, h->notes, h->user, h->timeMs};
    }
    return p;
}

std::optional<News2Point> parseNews2(const archive::ArchiveEvent &e)
{
    static const QRegularExpression complete(QStringLiteral("^NEWS2 (\\d+) ([a-z-]+);"));
    static const QRegularExpression incomplete(QStringLiteral("^NEWS2 incomplete \\(>=(\\d+);"));
    if (const auto m = complete.match(e.text); m.hasMatch())
        return News2Point{e.timeMs, m.captured(1).toInt(), true, m.captured(2)};
    if (const auto m = incomplete.match(e.text); m.hasMatch())
        return News2Point{e.timeMs, m.captured(1).toInt(), false, {}};
    return std::nullopt;
}

} // namespace vigil::reports
