#include "PrintJob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vigil::print {

QString stateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Printing:
        return QStringLiteral("printing");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

JobState stateFromName(const QString &name)
{
    if (name == QLatin1String("printing"))
        return JobState::Printing;
    if (name == QLatin1String("done"))
        return JobState::Done;
    if (name == QLatin1String("failed"))
        return JobState::Failed;
    return JobState::Queued;
}

int defaultPriority(reports::ReportKind kind)
{
    return kind == reports::ReportKind::Strip ? Strip : kind == reports::ReportKind::Ward ? Shift : Normal;
}

QString cupsTitle(const PrintJob &job, const QString &stationTag)
{
    QString what = reports::kindName(job.request.kind);
    if (!job.request.bedKey.isEmpty())
        what += QStringLiteral(" bed ") + job.request.bedKey;
    return QStringLiteral("Vigil %1 %2 [%3]").arg(job.id).arg(what, stationTag);
}

qint64 jobIdFromTitle(const QString &title, const QString &stationTag)
{
    static const QRegularExpression re(QStringLiteral("^Vigil (\\d+) .*\\[([^\\]]+)\\]$"));
    const auto m = re.match(title);
    if (!m.hasMatch() || m.captured(2) != stationTag)
        return 0;
    return m.captured(1).toLongLong();
}

QString requestToJson(const reports::ReportRequest &r)
{
    QJsonObject o;
    o[QLatin1String("kind")] = reports::kindName(r.kind);
    o[QLatin1String("archive")] = r.archivePath;
    o[QLatin1String("bed")] = r.bedKey;
    o[QLatin1String("from")] = double(r.fromMs);
    o[QLatin1String("to")] = double(r.toMs);
    o[QLatin1String("trigger")] = double(r.triggerMs);
    o[QLatin1String("pre_trigger_s")] = r.preTriggerS;
    o[QLatin1String("ward")] = r.wardName;
    o[QLatin1String("by")] = r.generatedBy;
    o[QLatin1String("severity")] = r.illnessSeverity;
    o[QLatin1String("notes")] = r.nurseNotes;
    o[QLatin1String("paper")] = int(r.page.paper);
    o[QLatin1String("landscape")] = r.page.orientation == QPageLayout::Landscape;
    o[QLatin1String("duplex")] = r.page.duplex;
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

reports::ReportRequest requestFromJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    reports::ReportRequest r;
    r.kind =
        reports::kindFromName(o[QLatin1String("kind")].toString()).value_or(reports::ReportKind::Patient);
    r.archivePath = o[QLatin1String("archive")].toString();
    r.bedKey = o[QLatin1String("bed")].toString();
    r.fromMs = qint64(o[QLatin1String("from")].toDouble());
    r.toMs = qint64(o[QLatin1String("to")].toDouble());
    r.triggerMs = qint64(o[QLatin1String("trigger")].toDouble());
    r.preTriggerS = o[QLatin1String("pre_trigger_s")].toInt(15);
    r.wardName = o[QLatin1String("ward")].toString();
    r.generatedBy = o[QLatin1String("by")].toString();
    r.illnessSeverity = o[QLatin1String("severity")].toString();
    r.nurseNotes = o[QLatin1String("notes")].toString();
    r.page.paper = QPageSize::PageSizeId(o[QLatin1String("paper")].toInt(int(QPageSize::A4)));
    r.page.orientation =
        o[QLatin1String("landscape")].toBool() ? QPageLayout::Landscape : QPageLayout::Portrait;
    r.page.duplex = o[QLatin1String("duplex")].toBool();
    return r;
}

} // namespace vigil::print
