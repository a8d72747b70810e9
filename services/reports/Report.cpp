// Reports: the five report kinds, built from the archive into a paginated Document, then painted onto a
// PDF, a printer or images. Layout: ReportLayout; waves and charts: ReportWaves; data: ReportData.
#include "Report.h"

#include "ArchiveReader.h"
#include "ReportData.h"
#include "ReportLayout.h"
#include "ReportWaves.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace vigil::reports {

using namespace vigil::archive;

namespace {
constexpr struct
{
    ReportKind kind;
    const char *name;
} kKinds[] = {{ReportKind::Ward, "ward"},
              {ReportKind::Patient, "patient"},
              {ReportKind::Strip, "strip"},
              {ReportKind::Disclosure, "disclosure"},
              {ReportKind::Events, "events"}};

QString qs(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QString numLabel(NumericId id)
{
    return qs(numericInfo(id).label);
}

QColor priorityColour(std::optional<alarms::Priority> p)
{
    if (p == alarms::Priority::High)
        return paper::High;
    if (p == alarms::Priority::Medium)
        return paper::Medium.darker(115);
    if (p == alarms::Priority::Low)
        return paper::Low;
    return paper::Ink;
}

QColor severityColour(const QString &s)
{
    if (s == QLatin1String("unstable"))
        return paper::High;
    if (s == QLatin1String("watcher"))
        return paper::Medium;
    if (s == QLatin1String("stable"))
        return QColor(0x2e, 0x7d, 0x32);
    return paper::Muted;
}

struct Builder
{
    const ReportRequest &req;
    ArchiveReader &reader;
    Ctx ctx;
    double widthMm = 0, heightMm = 0;
    const Progress &progress;
    const std::atomic_bool *cancel;
    Document doc;
    QStringList gaps;
    QString error;

    bool cancelled() const { return cancel && cancel->load(); }
    void step(double f, const QString &stage) const
    {
        if (progress)
            progress(f * 0.7, stage);
    }

    int addSection(const PatientData &p)
    {
        Section s;
        s.bed = p.bed.label.isEmpty() ? p.bed.key : p.bed.label;
        if (p.stay) {
            s.patient = p.stay->patientName;
            s.patientId = p.stay->patientId;
            s.stay = QStringLiteral("%1 \u2013 %2")
                         .arg(fmtDateTime(p.stay->startMs),
                              p.stay->endMs ? fmtDateTime(*p.stay->endMs) : QStringLiteral("ongoing"));
        }
        doc.sections.push_back(s);
        return int(doc.sections.size()) - 1;
    }

    GapReasonFn reasonFor(const QString &bedKey, qint64 fromMs, qint64 toMs)
    {
        auto stays = reader.stays(bedKey, fromMs - 60'000, toMs + 60'000);
        auto events = reader.events(bedKey, fromMs - 6 * 3'600'000, toMs);
        return [stays, events](qint64 a, qint64 b) { return gapReason(stays, events, a, b); };
    }

    // The ECG lead with the most samples in [t1, t2).
    std::optional<WaveStrip> ecgStrip(const QString &bedKey, qint64 t1Ms, qint64 t2Ms)
    {
        static const WaveId leads[] = {WaveId::EcgII, WaveId::EcgI, WaveId::EcgIII, WaveId::EcgV};
        auto strips = reader.waveStrip(bedKey, t1Ms * 1000, t2Ms * 1000, leads);
        std::optional<WaveStrip> best;
        std::size_t bestCount = 0;
        for (auto &s : strips) {
            const auto n = std::size_t(
                std::count_if(s.samples.begin(), s.samples.end(), [](float v) { return !std::isnan(v); }));
            if (!best || n > bestCount) {
                bestCount = n;
                best = std::move(s);
            }
        }
        return best;
    }

    void addHandover(const PatientData &p, int sec, bool fromRequest);
    void addCensus(const std::vector<PatientData> &patients);
    bool buildWard();
    bool buildPatient();
    bool buildStrip();
    bool buildDisclosure();
    bool buildEvents();
};

void Builder::addHandover(const PatientData &p, int sec, bool fromRequest)
{
    QString severity = p.handover ? p.handover->severity : QString();
    QString notes = p.handover ? p.handover->notes : QString();
    QString by = p.handover && !p.handover->by.isEmpty()
                     ? QStringLiteral(" (by %1, %2)").arg(p.handover->by, fmtDateTime(p.handover->timeMs))
                     : QString();
    if (fromRequest && !req.illnessSeverity.isEmpty())
        severity = req.illnessSeverity, by.clear();
    if (fromRequest && !req.nurseNotes.isEmpty())
        notes = req.nurseNotes;

    const QString bedName = p.bed.label.isEmpty() ? p.bed.key : p.bed.label;
    doc.add(heading(QStringLiteral("I \u2014 Illness severity"), 13), sec);
    doc.add(
        banner(by.isEmpty() ? QStringLiteral("set by the nurse at the station") : QStringLiteral("set") + by,
               severity.isEmpty() ? QStringLiteral("NOT ASSESSED") : severity.toUpper(),
               severityColour(severity)),
        sec);

    // P: patient summary.
    doc.add(heading(QStringLiteral("P \u2014 Patient summary"), 13), sec);
    QStringList summary;
    if (p.stay)
        summary << QStringLiteral("%1, %2 patient, on bed %3 since %4.")
                       .arg(p.stay->patientName.isEmpty() ? QStringLiteral("Unknown patient")
                                                          : p.stay->patientName,
                            p.stay->profile == PatientProfile::Adult
                                ? QStringLiteral("adult")
                                : (p.stay->profile == PatientProfile::Paediatric
                                       ? QStringLiteral("paediatric")
                                       : QStringLiteral("neonatal")),
                            bedName, fmtDateTime(p.stay->startMs));
    else
        summary << QStringLiteral("No patient admitted on bed %1 in this period.").arg(bedName);
    int high = 0, esc = 0;
    for (const auto &a : p.alarms) {
        high += a.priority == alarms::Priority::High;
        esc += a.escalations;
    }
    summary << QStringLiteral(
                   "%1 alarms this period (%2 high priority, %3 escalations). Time with no data: %4.")
                   .arg(p.alarms.size())
                   .arg(high)
                   .arg(esc)
                   .arg(fmtDuration(p.noDataMs));
    doc.add(paragraph(summary.join(u' '), 10.5), sec);
    if (!p.news2.empty()) {
        // The early warning score as the station computed it (docs/EWS.md): the latest, the highest, and
        // each change of the period.
        const auto text = [](const News2Point &n) {
            return n.complete ? QStringLiteral("%1 (%2)").arg(n.total).arg(n.response)
                              : QStringLiteral("\u2265%1, incomplete").arg(n.total);
        };
        const News2Point &last = p.news2.back();
        const auto top =
            std::max_element(p.news2.begin(), p.news2.end(), [](const News2Point &a, const News2Point &b) {
                return a.complete < b.complete || (a.complete == b.complete && a.total < b.total);
            });
        QStringList changes;
        for (const auto &n : p.news2)
            changes << QStringLiteral("%1 %2")
                           .arg(fmtTime(n.timeMs))
                           .arg(n.complete ? QString::number(n.total) : QStringLiteral("?"));
        doc.add(paragraph(QStringLiteral("NEWS2: latest %1 at %2; highest %3 at %4. Changes: %5.")
                              .arg(text(last), fmtTime(last.timeMs), text(*top), fmtTime(top->timeMs),
                                   changes.join(QStringLiteral(", "))),
                          10.5),
                sec);
    }
    if (!p.noData.empty()) {
        QStringList g;
        for (const auto &gap : p.noData)
            g << QStringLiteral("%1\u2013%2 (%3)").arg(fmtTime(gap.fromMs), fmtTime(gap.toMs), gap.reason);
        doc.add(paragraph(QStringLiteral("No data: ") + g.join(QStringLiteral("; ")), 10), sec);
    }
    // Latest values, in a one-row table.
    Table latest;
    latest.pt = 10.5;
    QStringList row;
    for (const auto &s : p.series) {
        if (!s.latest)
            continue;
        latest.columns << QStringLiteral("%1 %2").arg(numLabel(s.id), qs(numericInfo(s.id).unit));
        row << QStringLiteral("%1\n%2").arg(
            fmtValue(s.id, s.latest->value),
            QDateTime::fromMSecsSinceEpoch(s.latest->timeMs).toString(QStringLiteral("HH:mm")));
    }
    if (!row.isEmpty()) {
        latest.rows.push_back(row);
        doc.add(paragraph(QStringLiteral("Latest values (value, then the time it was measured):"), 9.5, false,
                          paper::Muted),
                sec);
        doc.add(table(latest), sec);
    }

    // Trend charts.
    doc.add(heading(QStringLiteral("Trends of the period"), 13), sec);
    std::vector<AlarmMark> marks;
    for (const auto &a : p.alarms)
        if (a.kind != alarms::Kind::Technical)
            marks.push_back({a.onsetMs, a.priority});
    auto seriesOf = [&](NumericId id) -> const NumericSeries * {
        for (const auto &s : p.series)
            if (s.id == id)
                return &s;
        return nullptr;
    };
    struct Group
    {
        QString title;
        std::vector<std::pair<NumericId, QColor>> ids;
        bool scatter;
    };
    const std::vector<Group> groups = {
        {QStringLiteral("Heart rate /min"),
         {{NumericId::Hr, QColor(0x1b, 0x8a, 0x3a)}, {NumericId::PulseRate, QColor(0x7a, 0x7a, 0x7a)}},
         false},
        {QStringLiteral("SpO2 %"), {{NumericId::SpO2, QColor(0x00, 0x7c, 0xb0)}}, false},
        {QStringLiteral("Respiration rate /min"), {{NumericId::Rr, QColor(0x8a, 0x6d, 0x00)}}, false},
        {QStringLiteral("ABP mmHg"),
         {{NumericId::AbpSys, paper::High},
          {NumericId::AbpMean, QColor(0x90, 0x20, 0x20)},
          {NumericId::AbpDia, QColor(0xd0, 0x60, 0x60)}},
         false},
        {QStringLiteral("NIBP mmHg"),
         {{NumericId::NibpSys, QColor(0x6a, 0x1b, 0x9a)},
          {NumericId::NibpMean, QColor(0x9c, 0x4d, 0xcc)},
          {NumericId::NibpDia, QColor(0xb3, 0x88, 0xd9)}},
         true},
        {QStringLiteral("Temperature \u00b0C"), {{NumericId::Temp, QColor(0xbf, 0x36, 0x0c)}}, false},
        {QStringLiteral("etCO2 mmHg"), {{NumericId::EtCO2, QColor(0x45, 0x5a, 0x64)}}, false},
    };
    int charts = 0;
    for (const auto &g : groups) {
        ChartSpec spec;
        spec.title = g.title;
        spec.fromMs = p.fromMs;
        spec.toMs = p.toMs;
        spec.marks = marks;
        spec.gaps = p.noData;
        for (const auto &[id, colour] : g.ids)
            if (const auto *s = seriesOf(id))
                spec.series.push_back({numLabel(id), colour, s->points, g.scatter});
        if (spec.series.empty())
            continue;
        doc.add(chartBlock(std::move(spec), 52), sec);
        ++charts;
    }
    if (charts == 0)
        doc.add(paragraph(QStringLiteral("No numerics archived in this period."), 10), sec);
    else
        doc.add(
            paragraph(QStringLiteral("Triangles and dashed lines on the time axis: alarm onsets (red high, "
                                     "amber medium, blue low). Hatched: no data."),
                      8.5, false, paper::Muted),
            sec);

    // Hourly table.
    doc.add(heading(QStringLiteral("Hourly vitals \u2014 median, then min\u2013max"), 13), sec);
    Table hours;
    hours.pt = 9;
    hours.columns << QStringLiteral("Hour");
    hours.widths.push_back(1.5);
    std::vector<NumericId> cols;
    for (const auto &s : p.series) {
        cols.push_back(s.id);
        hours.columns << QStringLiteral("%1\n%2").arg(numLabel(s.id), qs(numericInfo(s.id).unit));
        hours.widths.push_back(1.35);
    }
    for (const auto &h : p.hours) {
        QStringList r{
            QStringLiteral("%1\u2013%2")
                .arg(QDateTime::fromMSecsSinceEpoch(h.hourStartMs).toString(QStringLiteral("HH:mm")),
                     QDateTime::fromMSecsSinceEpoch(h.hourStartMs + 3'600'000)
                         .toString(QStringLiteral("HH:mm")))};
        for (NumericId id : cols) {
            const int n = int(id);
            if (h.count[n] == 0)
                r << QStringLiteral("no data");
            else
                r << QStringLiteral("%1\n%2\u2013%3")
                         .arg(fmtValue(id, h.median[n]), fmtValue(id, h.min[n]), fmtValue(id, h.max[n]));
        }
        hours.rows.push_back(r);
    }
    doc.add(table(hours), sec);

    // Alarm summary.
    doc.add(heading(QStringLiteral("Alarms"), 13), sec);
    {
        int counts[alarms::kPriorityCount + 1][alarms::kKindCount + 1] = {};
        for (const auto &a : p.alarms) {
            const int pi = a.priority ? int(*a.priority) : alarms::kPriorityCount;
            const int ki = a.kind ? int(*a.kind) : alarms::kKindCount;
            ++counts[pi][ki];
        }
        Table t;
        t.pt = 10;
        t.columns << QStringLiteral("Priority") << QStringLiteral("Physiological")
                  << QStringLiteral("Technical") << QStringLiteral("Advisory")
                  << QStringLiteral("Unknown kind");
        for (int pi : {int(alarms::Priority::High), int(alarms::Priority::Medium), int(alarms::Priority::Low),
                       int(alarms::Priority::None), alarms::kPriorityCount}) {
            QStringList r{pi == alarms::kPriorityCount ? QStringLiteral("unknown")
                                                       : alarms::nameOf(alarms::Priority(pi))};
            int total = 0;
            for (int ki = 0; ki <= alarms::kKindCount; ++ki) {
                r << QString::number(counts[pi][ki]);
                total += counts[pi][ki];
            }
            if (total > 0 || pi != alarms::kPriorityCount) {
                t.rows.push_back(r);
                t.rowColours.push_back(pi < alarms::kPriorityCount ? priorityColour(alarms::Priority(pi))
                                                                   : paper::Ink);
            }
        }
        doc.add(table(t), sec);
        const auto med = medianTimeToAckMs(p.alarms);
        int acked = 0;
        for (const auto &a : p.alarms)
            acked += a.ackMs.has_value();
        doc.add(paragraph(QStringLiteral("Median time to acknowledge: %1 (%2 of %3 alarms acknowledged). "
                                         "Escalations: %4.")
                              .arg(med ? fmtDuration(*med) : QStringLiteral("-"))
                              .arg(acked)
                              .arg(p.alarms.size())
                              .arg(esc),
                          10),
                sec);
    }
    if (!p.alarms.empty()) {
        Table t;
        t.pt = 9;
        t.columns << QStringLiteral("Onset") << QStringLiteral("Priority") << QStringLiteral("Alarm")
                  << QStringLiteral("Value (limits)") << QStringLiteral("Ended")
                  << QStringLiteral("Acknowledged") << QStringLiteral("Esc.");
        t.widths = {1.1, 1.0, 3.0, 1.8, 1.1, 1.7, 0.6};
        for (const auto &a : p.alarms) {
            QString value;
            if (!std::isnan(a.value))
                value = QStringLiteral("%1 %2").arg(a.value).arg(a.unit);
            if (!std::isnan(a.limitLow) || !std::isnan(a.limitHigh))
                value +=
                    QStringLiteral(" (%1\u2013%2)")
                        .arg(std::isnan(a.limitLow) ? QStringLiteral("-") : QString::number(a.limitLow),
                             std::isnan(a.limitHigh) ? QStringLiteral("-") : QString::number(a.limitHigh));
            t.rows.push_back(
                {fmtTime(a.onsetMs), priorityName(a.priority), a.text.isEmpty() ? a.code : a.text,
                 value.trimmed(), a.endMs ? fmtTime(*a.endMs) : QStringLiteral("active"),
                 a.ackMs ? QStringLiteral("%1 %2").arg(fmtTime(*a.ackMs), a.ackBy) : QStringLiteral("-"),
                 QString::number(a.escalations)});
            t.rowColours.push_back(priorityColour(a.priority));
        }
        doc.add(table(t), sec);
    }

    // Limit changes.
    doc.add(heading(QStringLiteral("Alarm limits: changes and limits in force"), 13), sec);
    if (p.limitChanges.empty()) {
        doc.add(paragraph(QStringLiteral("No limit change recorded in the archive for this period."), 10),
                sec);
    } else {
        Table t;
        t.pt = 9;
        t.columns << QStringLiteral("Time") << QStringLiteral("Measurement") << QStringLiteral("Limits")
                  << QStringLiteral("Who") << QStringLiteral("Seen in");
        t.widths = {1.0, 1.4, 2.6, 1.2, 1.2};
        for (const auto &l : p.limitChanges)
            t.rows.push_back({fmtTime(l.timeMs), l.metric, l.change,
                              l.who.isEmpty() ? QStringLiteral("not recorded") : l.who, l.source});
        doc.add(table(t), sec);
    }

    // ECG strips: start, end, each high-priority alarm.
    doc.add(heading(QStringLiteral("ECG strips (10 s)"), 13), sec);
    struct Want
    {
        QString title;
        qint64 t1;
    };
    std::vector<Want> wants;
    const qint64 startAt = p.stay ? std::max(p.fromMs, p.stay->startMs) : p.fromMs;
    const qint64 endAt = p.stay && p.stay->endMs ? std::min(p.toMs, *p.stay->endMs) : p.toMs;
    wants.push_back({QStringLiteral("Start of period %1").arg(fmtTime(startAt)), startAt});
    int alarmStrips = 0, skipped = 0;
    for (const auto &a : p.alarms) {
        if (a.priority != alarms::Priority::High)
            continue;
        if (alarmStrips >= 12) {
            ++skipped;
            continue;
        }
        wants.push_back(
            {QStringLiteral("High-priority alarm %1: %2").arg(fmtTime(a.onsetMs), a.text), a.onsetMs - 5000});
        ++alarmStrips;
    }
    wants.push_back({QStringLiteral("End of period %1").arg(fmtTime(endAt)), endAt - 10'000});
    const auto reason = reasonFor(p.bed.key, p.fromMs, p.toMs);
    for (const auto &w : wants) {
        if (auto s = ecgStrip(p.bed.key, w.t1, w.t1 + 10'000))
            doc.add(ecgStripBlock(w.title, std::move(*s), 10.0, reason, widthMm), sec);
    }
    if (skipped)
        doc.add(paragraph(QStringLiteral("%1 more high-priority alarms: strips in the alarm strip report.")
                              .arg(skipped),
                          9.5),
                sec);

    // Notes.
    doc.add(heading(QStringLiteral("Action list and notes"), 13), sec);
    doc.add(paragraph(notes.isEmpty() ? QStringLiteral("No notes entered at the station.") : notes, 11), sec);
    doc.add(paragraph(QStringLiteral("Situation awareness / contingency and synthesis by the receiver: "
                                     "________________________________________"),
                      10, false, paper::Muted),
            sec);
    for (const auto &g : p.noData)
        gaps
            << QStringLiteral("%1 %2\u2013%3: %4").arg(bedName, fmtTime(g.fromMs), fmtTime(g.toMs), g.reason);
}

void Builder::addCensus(const std::vector<PatientData> &patients)
{
    doc.add(heading(QStringLiteral("Ward census \u2014 %1 beds occupied")
                        .arg(std::count_if(patients.begin(), patients.end(),
                                           [](const PatientData &p) { return p.stay.has_value(); })),
                    13),
            0);
    Table t;
    t.pt = 9.5;
    t.columns << QStringLiteral("Bed") << QStringLiteral("Patient") << QStringLiteral("Severity")
              << QStringLiteral("Alarms H/M/L") << QStringLiteral("Esc.") << QStringLiteral("No data")
              << QStringLiteral("HR") << QStringLiteral("SpO2") << QStringLiteral("RR")
              << QStringLiteral("BP");
    t.widths = {0.8, 2.2, 1.1, 1.1, 0.5, 1.1, 0.6, 0.6, 0.6, 1.0};
    for (const auto &p : patients) {
        int h = 0, m = 0, l = 0, esc = 0;
        for (const auto &a : p.alarms) {
            h += a.priority == alarms::Priority::High;
            m += a.priority == alarms::Priority::Medium;
            l += a.priority == alarms::Priority::Low;
            esc += a.escalations;
        }
        auto latest = [&](NumericId id) {
            for (const auto &s : p.series)
                if (s.id == id && s.latest)
                    return fmtValue(id, s.latest->value);
            return QStringLiteral("-");
        };
        QString bp = latest(NumericId::AbpSys) != QLatin1String("-")
                         ? latest(NumericId::AbpSys) + u'/' + latest(NumericId::AbpDia)
                         : latest(NumericId::NibpSys) + u'/' + latest(NumericId::NibpDia);
        const QString sev =
            p.handover && !p.handover->severity.isEmpty() ? p.handover->severity : QStringLiteral("-");
        t.rows.push_back({p.bed.label.isEmpty() ? p.bed.key : p.bed.label,
                          p.stay ? QStringLiteral("%1\n%2").arg(p.stay->patientName, p.stay->patientId)
                                 : QStringLiteral("(empty)"),
                          sev, QStringLiteral("%1/%2/%3").arg(h).arg(m).arg(l), QString::number(esc),
                          fmtDuration(p.noDataMs), latest(NumericId::Hr), latest(NumericId::SpO2),
                          latest(NumericId::Rr), bp});
        t.rowColours.push_back(sev == QLatin1String("unstable") ? paper::High : paper::Ink);
    }
    doc.add(table(t), 0);
}

bool Builder::buildWard()
{
    doc.title = QStringLiteral("Ward shift summary");
    std::vector<PatientData> patients;
    const auto beds = reader.beds();
    int i = 0;
    for (const auto &b : beds) {
        if (cancelled())
            return false;
        step(double(i++) / std::max<std::size_t>(1, beds.size()),
             QStringLiteral("reading bed %1").arg(b.label));
        if (reader.stays(b.key, req.fromMs, req.toMs).empty())
            continue;
        patients.push_back(readPatient(reader, b, req.fromMs, req.toMs));
    }
    if (patients.empty()) {
        // An empty ward still gets its shift summary (the shift change prints one): the census says so.
        doc.add(heading(QStringLiteral("Ward census \u2014 0 beds occupied"), 13), 0);
        doc.add(paragraph(QStringLiteral("No patient was on any of the ward's %1 beds in this period.")
                              .arg(beds.size()),
                          10.5),
                0);
        return true;
    }
    addCensus(patients);
    for (const auto &p : patients) {
        const int sec = addSection(p);
        doc.add(pageBreak(), sec);
        doc.add(paragraph(QStringLiteral("Handover (I-PASS) \u2014 bed %1").arg(p.bed.label), 15, true), sec);
        addHandover(p, sec, false);
    }
    return true;
}

bool Builder::buildPatient()
{
    doc.title = QStringLiteral("Patient handover (I-PASS)");
    auto bed = reader.findBed(req.bedKey, &error);
    if (!bed)
        return false;
    step(0.1, QStringLiteral("reading"));
    auto p = readPatient(reader, *bed, req.fromMs, req.toMs);
    step(0.5, QStringLiteral("laying out"));
    const int sec = addSection(p);
    doc.sections[0] = doc.sections[std::size_t(sec)];
    addHandover(p, 0, true);
    return true;
}

bool Builder::buildStrip()
{
    doc.title = QStringLiteral("Alarm strip");
    auto bed = reader.findBed(req.bedKey, &error);
    if (!bed)
        return false;
    const auto alarmList = foldAlarms(reader.alarms(bed->key, req.fromMs - 3'600'000, req.toMs));
    const AlarmSummary *alarm = nullptr;
    qint64 trigger = req.triggerMs;
    for (const auto &a : alarmList) {
        if (trigger > 0) {
            if (!alarm || std::llabs(a.onsetMs - trigger) < std::llabs(alarm->onsetMs - trigger))
                alarm = &a;
        } else if (a.kind != alarms::Kind::Technical && a.onsetMs >= req.fromMs && a.onsetMs < req.toMs &&
                   (!alarm || a.priority >= alarm->priority)) {
            alarm = &a; // the latest of the highest priority
        }
    }
    if (trigger <= 0) {
        if (!alarm) {
            error =
                QStringLiteral("no alarm on bed %1 in the period, and no --trigger given").arg(bed->label);
            return false;
        }
        trigger = alarm->onsetMs;
    }
    if (alarm && std::llabs(alarm->onsetMs - trigger) > 60'000)
        alarm = nullptr;
    const int pre = std::clamp(req.preTriggerS, 5, 30);
    const qint64 t1 = trigger - pre * 1000;
    qint64 t2 = std::max(t1 + 20'000, alarm && alarm->endMs ? *alarm->endMs : trigger + 10'000);
    t2 = std::min(t2, t1 + 120'000);
    auto strips = reader.waveStrip(bed->key, t1 * 1000, t2 * 1000);
    std::stable_sort(strips.begin(), strips.end(),
                     [](const WaveStrip &a, const WaveStrip &b) { return a.id < b.id; });
    auto p = PatientData{};
    p.bed = *bed;
    p.stays = reader.stays(bed->key, t1, t2);
    if (!p.stays.empty())
        p.stay = p.stays.back();
    const int sec = addSection(p);
    doc.sections[0] = doc.sections[std::size_t(sec)];

    if (alarm) {
        QString lim;
        if (!std::isnan(alarm->limitLow) || !std::isnan(alarm->limitHigh))
            lim =
                QStringLiteral(", limits %1\u2013%2")
                    .arg(std::isnan(alarm->limitLow) ? QStringLiteral("-") : QString::number(alarm->limitLow),
                         std::isnan(alarm->limitHigh) ? QStringLiteral("-")
                                                      : QString::number(alarm->limitHigh));
        doc.add(banner(QStringLiteral("%1 priority alarm at %2")
                           .arg(priorityName(alarm->priority), fmtTime(alarm->onsetMs)),
                       alarm->text.isEmpty() ? alarm->code : alarm->text, priorityColour(alarm->priority)),
                0);
        doc.add(paragraph(
                    QStringLiteral("Value %1 %2%3. Onset %4, %5. Acknowledged: %6.")
                        .arg(std::isnan(alarm->value) ? QStringLiteral("-") : QString::number(alarm->value))
                        .arg(alarm->unit, lim, fmtTime(alarm->onsetMs),
                             alarm->endMs ? QStringLiteral("ended %1").arg(fmtTime(*alarm->endMs))
                                          : QStringLiteral("still active at the end of the strip"),
                             alarm->ackMs ? QStringLiteral("%1 %2").arg(fmtTime(*alarm->ackMs), alarm->ackBy)
                                          : QStringLiteral("no")),
                    11),
                0);
    } else {
        doc.add(paragraph(QStringLiteral("Manual strip at %1 (no alarm recorded at that moment).")
                              .arg(fmtTime(trigger)),
                          11),
                0);
    }
    doc.add(paragraph(QStringLiteral(
                          "%1 s before the trigger to %2. All lanes 25 mm/s; ECG 10 mm/mV on a 1 mm / 5 mm "
                          "grid with a 1 mV calibration pulse; other waves at the scale printed beside them.")
                          .arg(pre)
                          .arg(fmtTime(t2)),
                      9, false, paper::Muted),
            0);
    if (strips.empty()) {
        doc.add(paragraph(QStringLiteral("No waveform archived."), 11), 0);
        return true;
    }
    doc.add(multiLaneBlock(std::move(strips), t1 * 1000, double(t2 - t1) / 1000.0,
                           reasonFor(bed->key, t1, t2), widthMm, trigger),
            0);
    return true;
}

bool Builder::buildDisclosure()
{
    doc.title = QStringLiteral("Full disclosure");
    auto bed = reader.findBed(req.bedKey, &error);
    if (!bed)
        return false;
    auto p = PatientData{};
    p.bed = *bed;
    p.stays = reader.stays(bed->key, req.fromMs, req.toMs);
    if (!p.stays.empty())
        p.stay = p.stays.back();
    const int sec = addSection(p);
    doc.sections[0] = doc.sections[std::size_t(sec)];
    const qint64 to = std::min(req.toMs, req.fromMs + 24 * 3'600'000LL);
    doc.add(paragraph(QStringLiteral("ECG, one lane per minute (compressed: %1 mm/s), ticks every 10 s. "
                                     "Hatched: no data, with the reason.")
                          .arg((widthMm - 15) / 60.0, 0, 'f', 1),
                      9, false, paper::Muted),
            0);
    const auto reason = reasonFor(bed->key, req.fromMs, to);
    const qint64 pieceMs = 10 * 60'000;
    for (qint64 t = req.fromMs; t < to; t += pieceMs) {
        if (cancelled())
            return false;
        step(double(t - req.fromMs) / double(std::max<qint64>(1, to - req.fromMs)),
             QStringLiteral("reading"));
        const qint64 e = std::min(to, t + pieceMs);
        auto s = ecgStrip(bed->key, t, e);
        if (!s)
            continue;
        if (t == req.fromMs)
            doc.add(paragraph(QStringLiteral("Lead %1").arg(qs(waveInfo(s->id).label)), 10, true), 0);
        for (qint64 m = t; m < e; m += 60'000)
            doc.add(
                disclosureLaneBlock(*s, m * 1000, double(std::min<qint64>(60'000, e - m)) / 1000.0, reason),
                0);
    }
    return true;
}

bool Builder::buildEvents()
{
    doc.title = QStringLiteral("Alarm and event list");
    QString key;
    if (!req.bedKey.isEmpty()) {
        auto bed = reader.findBed(req.bedKey, &error);
        if (!bed)
            return false;
        key = bed->key;
        PatientData p;
        p.bed = *bed;
        p.stays = reader.stays(key, req.fromMs, req.toMs);
        if (!p.stays.empty())
            p.stay = p.stays.back();
        const int sec = addSection(p);
        doc.sections[0] = doc.sections[std::size_t(sec)];
    } else {
        doc.sections[0].bed = QStringLiteral("all beds");
    }
    std::map<QString, QString> labels;
    for (const auto &b : reader.beds())
        labels[b.key] = b.label;
    struct Row
    {
        qint64 t;
        QStringList cells;
        QColor colour;
    };
    std::vector<Row> rows;
    for (const auto &a : reader.alarms(key, req.fromMs, req.toMs)) {
        QString value;
        if (!std::isnan(a.value))
            value = QStringLiteral("%1 %2").arg(a.value).arg(a.unit);
        rows.push_back({a.timeMs,
                        {fmtTime(a.timeMs), labels[a.bedKey], alarmStepName(a.step), priorityName(a.priority),
                         a.text.isEmpty() ? a.code : a.text, value, a.user},
                        priorityColour(a.priority)});
    }
    for (const auto &e : reader.events(key, req.fromMs, req.toMs)) {
        QString text = e.text;
        if (e.type == kHandover) {
            HandoverRecord h;
            if (parseHandoverEventText(e.text, &h))
                text = QStringLiteral("severity %1")
                           .arg(h.severity.isEmpty() ? QStringLiteral("-") : h.severity);
        }
        QString type = e.type;
        if (e.type == kConditionOn)
            type = QStringLiteral("technical start");
        else if (e.type == kConditionOff)
            type = QStringLiteral("technical end");
        rows.push_back({e.timeMs,
                        {fmtTime(e.timeMs), labels[e.bedKey], type, QString(), text, QString(), QString()},
                        paper::Muted.darker(120)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.t < b.t; });
    doc.add(paragraph(QStringLiteral("%1 entries.").arg(rows.size()), 10), 0);
    Table t;
    t.pt = 9;
    t.columns << QStringLiteral("Time") << QStringLiteral("Bed") << QStringLiteral("Step / event")
              << QStringLiteral("Priority") << QStringLiteral("Text") << QStringLiteral("Value")
              << QStringLiteral("User");
    t.widths = {1.0, 0.7, 1.2, 0.9, 3.2, 1.1, 1.0};
    qint64 day = -1;
    for (auto &r : rows) {
        const qint64 d = QDateTime::fromMSecsSinceEpoch(r.t).date().toJulianDay();
        if (d != day && day >= 0) {
            t.rows.push_back({QDateTime::fromMSecsSinceEpoch(r.t).toString(QStringLiteral("yyyy-MM-dd")),
                              {},
                              {},
                              {},
                              {},
                              {},
                              {}});
            t.rowColours.push_back(paper::Ink);
        }
        day = d;
        t.rows.push_back(r.cells);
        t.rowColours.push_back(r.colour);
    }
    if (t.rows.empty())
        doc.add(paragraph(QStringLiteral("No alarm or event in the period."), 11), 0);
    else
        doc.add(table(t), 0);
    return true;
}

struct Built
{
    std::unique_ptr<Builder> b;
    ReportResult result;
};

ReportRequest resolved(const ReportRequest &request)
{
    ReportRequest r = request;
    if (r.fromMs == 0 && r.toMs == 0) {
        const auto [a, b] = lastShift(QDateTime::currentMSecsSinceEpoch());
        r.fromMs = a;
        r.toMs = b;
    }
    return r;
}

// Reads and lays out the report for a page of paintable size widthMm x heightMm measured on `metrics`.
ReportResult build(Builder &b)
{
    ReportResult r;
    bool ok = false;
    switch (b.req.kind) {
    case ReportKind::Ward:
        ok = b.buildWard();
        break;
    case ReportKind::Patient:
        ok = b.buildPatient();
        break;
    case ReportKind::Strip:
        ok = b.buildStrip();
        break;
    case ReportKind::Disclosure:
        ok = b.buildDisclosure();
        break;
    case ReportKind::Events:
        ok = b.buildEvents();
        break;
    }
    if (!ok) {
        r.error = b.cancelled() ? QStringLiteral("cancelled") : b.error;
        return r;
    }
    b.doc.ward = b.req.wardName;
    b.doc.period = QStringLiteral("%1 \u2013 %2").arg(fmtDateTime(b.req.fromMs), fmtDateTime(b.req.toMs));
    b.doc.generated = QStringLiteral("%1 by %2")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                               b.req.generatedBy.isEmpty() ? QStringLiteral("station") : b.req.generatedBy);
    b.doc.paginate(b.ctx, b.widthMm, b.heightMm);
    r.ok = true;
    r.pages = int(b.doc.pages.size());
    r.gaps = b.gaps;
    return r;
}

std::unique_ptr<ArchiveReader> openReader(const ReportRequest &req, QString *error)
{
    if (req.archivePath.isEmpty() || !QFile::exists(req.archivePath)) {
        *error = QStringLiteral("archive not found: %1").arg(req.archivePath);
        return nullptr;
    }
    return ArchiveReader::open(req.archivePath, error);
}

bool validate(const ReportRequest &req, QString *error)
{
    if (req.toMs <= req.fromMs) {
        *error = QStringLiteral("empty period (from must be before to)");
        return false;
    }
    if ((req.kind == ReportKind::Patient || req.kind == ReportKind::Strip ||
         req.kind == ReportKind::Disclosure) &&
        req.bedKey.isEmpty()) {
        *error = QStringLiteral("the %1 report needs a bed").arg(kindName(req.kind));
        return false;
    }
    return true;
}

} // namespace

QString kindName(ReportKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

std::optional<ReportKind> kindFromName(const QString &name)
{
    for (const auto &k : kKinds)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

std::pair<qint64, qint64> lastShift(qint64 nowMs, const QList<QTime> &shiftStarts)
{
    QList<QTime> starts = shiftStarts;
    if (starts.isEmpty())
        starts = {QTime(7, 0), QTime(15, 0), QTime(23, 0)};
    std::sort(starts.begin(), starts.end());
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs);
    std::vector<qint64> bounds;
    for (int d = -2; d <= 0; ++d)
        for (const QTime &t : starts)
            bounds.push_back(QDateTime(now.date().addDays(d), t).toMSecsSinceEpoch());
    std::sort(bounds.begin(), bounds.end());
    for (std::size_t i = bounds.size(); i-- > 1;)
        if (bounds[i] <= nowMs)
            return {bounds[i - 1], bounds[i]};
    return {bounds.front() - 8 * 3'600'000, bounds.front()};
}

ReportResult render(const ReportRequest &request, QPagedPaintDevice &device, const Progress &progress,
                    const std::atomic_bool *cancel)
{
    const ChartCancelScope chartCancel(cancel);
    const ReportRequest req = resolved(request);
    ReportResult fail;
    if (!validate(req, &fail.error))
        return fail;
    auto reader = openReader(req, &fail.error);
    if (!reader)
        return fail;
    if (!device.setPageLayout(QPageLayout(QPageSize(req.page.paper), req.page.orientation,
                                          QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                          QPageLayout::Millimeter))) {
        fail.error = QStringLiteral("the output device refused the page layout");
        return fail;
    }
    Builder b{req, *reader, {}, 0, 0, progress, cancel, {}, {}, {}};
    b.ctx.device = &device;
    b.ctx.k = double(device.logicalDpiX()) / 25.4;
    b.widthMm = double(device.width()) / b.ctx.k;
    b.heightMm = double(device.height()) / b.ctx.k;
    ReportResult r = build(b);
    if (!r.ok)
        return r;
    QPainter p(&device);
    if (!p.isActive())
        return {false, 0, QStringLiteral("cannot paint on the output device"), {}};
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < r.pages; ++i) {
        if (cancel && cancel->load()) {
            p.end();
            return {false, i, QStringLiteral("cancelled"), r.gaps};
        }
        if (i > 0 && !device.newPage()) {
            p.end();
            return {false, i, QStringLiteral("the output device refused a new page"), r.gaps};
        }
        b.doc.paintPage(p, b.ctx, i, b.widthMm, b.heightMm);
        if (progress)
            progress(0.7 + 0.3 * double(i + 1) / r.pages,
                     QStringLiteral("page %1 of %2").arg(i + 1).arg(r.pages));
    }
    if (!p.end())
        return {false, r.pages, QStringLiteral("writing the output failed"), r.gaps};
    return r;
}

ReportResult renderPdf(const ReportRequest &request, const QString &pdfPath, const Progress &progress,
                       const std::atomic_bool *cancel)
{
    QPdfWriter writer(pdfPath);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("Vigil"));
    writer.setTitle(QStringLiteral("Vigil %1 report").arg(kindName(request.kind)));
    auto r = render(request, writer, progress, cancel);
    if (!r.ok)
        QFile::remove(pdfPath);
    return r;
}

ReportResult renderImages(const ReportRequest &request, int dpi, QList<QImage> *pages,
                          const Progress &progress, const std::atomic_bool *cancel)
{
    const ChartCancelScope chartCancel(cancel);
    const ReportRequest req = resolved(request);
    ReportResult fail;
    if (!validate(req, &fail.error))
        return fail;
    auto reader = openReader(req, &fail.error);
    if (!reader)
        return fail;
    const QPageLayout layout(QPageSize(req.page.paper), req.page.orientation,
                             QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
    const QSizeF full = layout.fullRect(QPageLayout::Millimeter).size();
    const QRectF paint = layout.paintRect(QPageLayout::Millimeter);
    auto makeImage = [&] {
        QImage img(int(std::lround(full.width() / 25.4 * dpi)), int(std::lround(full.height() / 25.4 * dpi)),
                   QImage::Format_RGB32);
        img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        img.fill(Qt::white);
        return img;
    };
    QImage metrics = makeImage();
    Builder b{req, *reader, {}, 0, 0, progress, cancel, {}, {}, {}};
    b.ctx.device = &metrics;
    b.ctx.k = double(dpi) / 25.4;
    b.widthMm = paint.width();
    b.heightMm = paint.height();
    ReportResult r = build(b);
    if (!r.ok)
        return r;
    for (int i = 0; i < r.pages; ++i) {
        if (cancel && cancel->load())
            return {false, i, QStringLiteral("cancelled"), r.gaps};
        QImage img = i == 0 ? metrics : makeImage();
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(paint.left() * b.ctx.k, paint.top() * b.ctx.k);
        b.doc.paintPage(p, b.ctx, i, b.widthMm, b.heightMm);
        p.end();
        pages->append(img);
        if (progress)
            progress(0.7 + 0.3 * double(i + 1) / r.pages,
                     QStringLiteral("page %1 of %2").arg(i + 1).arg(r.pages));
    }
    return r;
}

} // namespace vigil::reports
