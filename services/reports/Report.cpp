// Stub of the report seam: one page naming the request. The report builder replaces it (issue 10).
#include "Report.h"

#include <QFile>
#include <QImage>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

namespace vigil::reports {

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

ReportResult render(const ReportRequest &request, QPagedPaintDevice &device, const Progress &progress,
                    const std::atomic_bool *cancel)
{
    ReportResult r;
    if (cancel && cancel->load())
        return {false, 0, QStringLiteral("cancelled"), {}};
    device.setPageLayout(QPageLayout(QPageSize(request.page.paper), request.page.orientation,
                                     QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    QPainter p(&device);
    if (!p.isActive())
        return {false, 0, QStringLiteral("cannot paint on the output device"), {}};
    p.drawText(QPointF(100, 100),
               QStringLiteral("Vigil %1 report, bed %2").arg(kindName(request.kind), request.bedKey));
    p.end();
    if (progress)
        progress(1.0, QStringLiteral("done"));
    r.ok = true;
    r.pages = 1;
    return r;
}

ReportResult renderPdf(const ReportRequest &request, const QString &pdfPath, const Progress &progress,
                       const std::atomic_bool *cancel)
{
    QPdfWriter writer(pdfPath);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("Vigil"));
    auto r = render(request, writer, progress, cancel);
    return r;
}

ReportResult renderImages(const ReportRequest &request, int dpi, QList<QImage> *pages,
                          const Progress &progress, const std::atomic_bool *cancel)
{
    Q_UNUSED(request);
    Q_UNUSED(progress);
    Q_UNUSED(cancel);
    const QPageSize size(request.page.paper);
    const QSizeF mm = size.size(QPageSize::Millimeter);
    QImage img(int(mm.width() / 25.4 * dpi), int(mm.height() / 25.4 * dpi), QImage::Format_RGB32);
    img.fill(Qt::white);
    pages->append(img);
    return {true, 1, {}, {}};
}

} // namespace vigil::reports
