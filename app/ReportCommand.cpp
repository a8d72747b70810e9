// `vigil report`: parses the command line into a ReportRequest and renders it to a PDF or a CUPS queue.
#include "ReportCommand.h"

#include "CommandArgs.h"
#include "Report.h"

#include <QPrinter>
#include <QPrinterInfo>

namespace vigil {

namespace {

const char kUsage[] =
    "usage: vigil report ward|patient|strip|disclosure|events --archive FILE [--bed LABEL]\n"
    "         [--from T --to T] [--trigger T] [--pre-trigger S] [--paper a4|letter] [--landscape]\n"
    "         [--ward NAME] [--by USER] [--severity stable|watcher|unstable] [--notes TEXT]\n"
    "         (--out FILE.pdf | --print [QUEUE]) [--duplex]\n"
    "Times: ISO 8601 (local time unless Z or an offset is given) or epoch ms. Without --from/--to: the last\n"
    "shift (07:00, 15:00, 23:00 local time).\n";

} // namespace

int runReportCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    static const cli::CommandSpec spec{
        QStringLiteral("report"),
        {QStringLiteral("--archive"), QStringLiteral("--bed"), QStringLiteral("--from"),
         QStringLiteral("--to"), QStringLiteral("--trigger"), QStringLiteral("--pre-trigger"),
         QStringLiteral("--paper"), QStringLiteral("--ward"), QStringLiteral("--by"),
         QStringLiteral("--severity"), QStringLiteral("--notes"), QStringLiteral("--out")},
        {QStringLiteral("--print")},
        {QStringLiteral("--landscape"), QStringLiteral("--duplex")},
        false};
    auto bad = [&](const QString &msg) {
        err << "vigil report: " << msg << "\n" << kUsage;
        return 2;
    };
    const cli::CommandArgs p = cli::parseCommand(args, spec);
    if (!p.error.isEmpty())
        return bad(p.error);
    if (p.command.isEmpty() || p.wantsHelp()) {
        (p.command.isEmpty() ? err : out) << kUsage;
        return p.command.isEmpty() ? 2 : 0;
    }
    const auto kind = reports::kindFromName(p.command);
    if (!kind)
        return bad(QStringLiteral("unknown report '%1'").arg(p.command));
    reports::ReportRequest req;
    req.kind = *kind;
    req.archivePath = p.value("--archive");
    req.bedKey = p.value("--bed");
    req.wardName = p.value("--ward");
    req.generatedBy = p.value("--by");
    req.nurseNotes = p.value("--notes");
    const QString outPath = p.value("--out"), fromArg = p.value("--from"), toArg = p.value("--to"),
                  triggerArg = p.value("--trigger");
    const bool print = p.has("--print");
    const QString queue = p.value("--print");
    if (p.has("--landscape"))
        req.page.orientation = QPageLayout::Landscape;
    req.page.duplex = p.has("--duplex");
    if (p.has("--pre-trigger")) {
        bool ok = false;
        req.preTriggerS = p.value("--pre-trigger").toInt(&ok);
        if (!ok || req.preTriggerS < 5 || req.preTriggerS > 30)
            return bad(QStringLiteral("--pre-trigger must be 5 to 30 seconds"));
    }
    if (p.has("--paper")) {
        const QString v = p.value("--paper");
        if (v.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
            req.page.paper = QPageSize::A4;
        else if (v.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
            req.page.paper = QPageSize::Letter;
        else
            return bad(QStringLiteral("--paper must be a4 or letter"));
    }
    if (p.has("--severity")) {
        const QString v = p.value("--severity");
        if (v != QLatin1String("stable") && v != QLatin1String("watcher") && v != QLatin1String("unstable"))
            return bad(QStringLiteral("--severity must be stable, watcher or unstable"));
        req.illnessSeverity = v;
    }
    if (req.archivePath.isEmpty())
        req.archivePath = qEnvironmentVariable("VIGIL_ARCHIVE");
    if (req.archivePath.isEmpty())
        return bad(QStringLiteral("--archive FILE is required"));
    if (print == !outPath.isEmpty())
        return bad(QStringLiteral("give exactly one of --out FILE.pdf and --print [QUEUE]"));
    if (fromArg.isEmpty() != toArg.isEmpty())
        return bad(QStringLiteral("give both --from and --to, or neither (the last shift)"));
    if (!fromArg.isEmpty()) {
        if (!cli::parseTimeMs(fromArg, &req.fromMs))
            return bad(QStringLiteral("bad --from '%1' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)")
                           .arg(fromArg));
        if (!cli::parseTimeMs(toArg, &req.toMs))
            return bad(
                QStringLiteral("bad --to '%1' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)").arg(toArg));
        if (req.toMs <= req.fromMs)
            return bad(QStringLiteral("--to must be after --from"));
    }
    if (!triggerArg.isEmpty() && !cli::parseTimeMs(triggerArg, &req.triggerMs))
        return bad(QStringLiteral("bad --trigger '%1'").arg(triggerArg));
    if (req.kind == reports::ReportKind::Strip && req.triggerMs > 0 && req.fromMs == 0 && req.toMs == 0) {
        req.fromMs = req.triggerMs - 60'000;
        req.toMs = req.triggerMs + 120'000;
    }
    if (req.generatedBy.isEmpty())
        req.generatedBy = qEnvironmentVariable("USER", QStringLiteral("vigil report"));

    reports::ReportResult r;
    if (print) {
        const QStringList known = QPrinterInfo::availablePrinterNames();
        if (!queue.isEmpty() && !known.contains(queue)) {
            err << "vigil report: no printer queue '" << queue << "' (known: "
                << (known.isEmpty() ? QStringLiteral("none; is CUPS running?")
                                    : known.join(QStringLiteral(", ")))
                << ")\n";
            return 1;
        }
        if (queue.isEmpty() && QPrinterInfo::defaultPrinterName().isEmpty()) {
            err << "vigil report: no default printer; name a queue with --print QUEUE\n";
            return 1;
        }
        QPrinter printer(QPrinter::HighResolution);
        if (!queue.isEmpty())
            printer.setPrinterName(queue);
        printer.setDocName(QStringLiteral("Vigil %1 report").arg(reports::kindName(req.kind)));
        printer.setDuplex(req.page.duplex ? QPrinter::DuplexLongSide : QPrinter::DuplexNone);
        r = reports::render(req, printer);
    } else {
        r = reports::renderPdf(req, outPath);
    }
    if (!r.ok) {
        err << "vigil report: " << r.error << "\n";
        return 1;
    }
    out << (print ? QStringLiteral("printed %1 pages to %2")
                        .arg(r.pages)
                        .arg(queue.isEmpty() ? QStringLiteral("the default printer") : queue)
                  : QStringLiteral("wrote %1 (%2 pages)").arg(outPath).arg(r.pages))
        << "\n";
    for (const auto &g : r.gaps)
        out << "no data: " << g << "\n";
    return 0;
}

} // namespace vigil
