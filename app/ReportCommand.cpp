// `vigil report`: parses the command line into a ReportRequest and renders it to a PDF or a CUPS queue.
#include "ReportCommand.h"

#include "ArchiveCli.h"
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

int runReportCommand(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.front() == QLatin1String("report"))
        args.pop_front();
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        (args.isEmpty() ? err : out) << kUsage;
        return args.isEmpty() ? 2 : 0;
    }
    const auto kind = reports::kindFromName(args.front());
    if (!kind) {
        err << "vigil report: unknown report '" << args.front() << "'\n" << kUsage;
        return 2;
    }
    reports::ReportRequest req;
    req.kind = *kind;
    QString outPath, fromArg, toArg, triggerArg;
    bool print = false;
    QString queue;
    auto bad = [&](const QString &msg) {
        err << "vigil report: " << msg << "\n" << kUsage;
        return 2;
    };
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        auto value = [&](QString *v) {
            if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))
                return false;
            *v = args[++i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--print")) {
            print = true;
            if (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--")))
                queue = args[++i];
        } else if (a == QLatin1String("--landscape")) {
            req.page.orientation = QPageLayout::Landscape;
        } else if (a == QLatin1String("--duplex")) {
            req.page.duplex = true;
        } else if (!value(&v)) {
            return bad(QStringLiteral("%1 needs a value or is unknown").arg(a));
        } else if (a == QLatin1String("--archive")) {
            req.archivePath = v;
        } else if (a == QLatin1String("--bed")) {
            req.bedKey = v;
        } else if (a == QLatin1String("--from")) {
            fromArg = v;
        } else if (a == QLatin1String("--to")) {
            toArg = v;
        } else if (a == QLatin1String("--trigger")) {
            triggerArg = v;
        } else if (a == QLatin1String("--pre-trigger")) {
            bool ok = false;
            req.preTriggerS = v.toInt(&ok);
            if (!ok || req.preTriggerS < 5 || req.preTriggerS > 30)
                return bad(QStringLiteral("--pre-trigger must be 5 to 30 seconds"));
        } else if (a == QLatin1String("--paper")) {
            if (v.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
                req.page.paper = QPageSize::A4;
            else if (v.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
                req.page.paper = QPageSize::Letter;
            else
                return bad(QStringLiteral("--paper must be a4 or letter"));
        } else if (a == QLatin1String("--ward")) {
            req.wardName = v;
        } else if (a == QLatin1String("--by")) {
            req.generatedBy = v;
        } else if (a == QLatin1String("--severity")) {
            if (v != QLatin1String("stable") && v != QLatin1String("watcher") &&
                v != QLatin1String("unstable"))
                return bad(QStringLiteral("--severity must be stable, watcher or unstable"));
            req.illnessSeverity = v;
        } else if (a == QLatin1String("--notes")) {
            req.nurseNotes = v;
        } else if (a == QLatin1String("--out")) {
            outPath = v;
        } else {
            return bad(QStringLiteral("unknown option %1").arg(a));
        }
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
        if (!archive::parseTimeMs(fromArg, &req.fromMs))
            return bad(QStringLiteral("bad --from '%1' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)")
                           .arg(fromArg));
        if (!archive::parseTimeMs(toArg, &req.toMs))
            return bad(
                QStringLiteral("bad --to '%1' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)").arg(toArg));
        if (req.toMs <= req.fromMs)
            return bad(QStringLiteral("--to must be after --from"));
    }
    if (!triggerArg.isEmpty() && !archive::parseTimeMs(triggerArg, &req.triggerMs))
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
