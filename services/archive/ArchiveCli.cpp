#include "ArchiveCli.h"

#include "ArchiveTools.h"
#include "CommandArgs.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace vigil::archive {

namespace {

enum Exit { Ok = 0, Failed = 1, Usage = 2, Unreadable = 3 };

const char *const kUsage =
    "usage: vigil archive <command> [options]\n"
    "\n"
    "commands:\n"
    "  verify   integrity check, chunk checksums, gaps\n"
    "           [--archive PATH] [--quick] [--list N]\n"
    "  export   --bed B --from T1 --to T2 --format csv|wfdb|events [--out DIR_OR_FILE] [--archive PATH]\n"
    "           wfdb: DIR (record named after bed and time) or DIR/NAME.hea; csv, events: DIR or FILE.csv\n"
    "           events: technical condition episodes (lead off, sensor off...) with start and end, notes,\n"
    "           discharges; without --bed, every bed and the station-wide ones\n"
    "  stats    sizes, compression, bytes per bed-hour, time spans  [--archive PATH]\n"
    "\n"
    "PATH defaults to $VIGIL_ARCHIVE. Times: ISO 8601 (local time unless Z or an offset is given) or\n"
    "milliseconds since the Unix epoch. B: bed key or label.\n"
    "exit codes: 0 ok, 1 damage found / export failed, 2 bad arguments, 3 archive unreadable\n";

using Parsed = cli::CommandArgs;

Parsed parse(const QStringList &args)
{
    static const cli::CommandSpec spec{QStringLiteral("archive"),
                                       {QStringLiteral("--archive"), QStringLiteral("--bed"),
                                        QStringLiteral("--from"), QStringLiteral("--to"),
                                        QStringLiteral("--format"), QStringLiteral("--out"),
                                        QStringLiteral("--list")},
                                       {},
                                       {QStringLiteral("--quick")},
                                       false};
    return cli::parseCommand(args, spec);
}

std::unique_ptr<ArchiveReader> openArchive(const Parsed &p, QTextStream &err, int *code)
{
    QString path = p.value("--archive");
    if (path.isEmpty())
        path = qEnvironmentVariable("VIGIL_ARCHIVE");
    if (path.isEmpty()) {
        err << "vigil archive: no archive given (--archive PATH or VIGIL_ARCHIVE)\n";
        *code = Usage;
        return nullptr;
    }
    QString error;
    auto r = ArchiveReader::open(path, &error);
    if (!r) {
        err << "vigil archive: " << error << "\n";
        *code = Unreadable;
    }
    return r;
}

QString sanitize(const QString &s)
{
    QString out = s;
    out.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    return out;
}

int verify(const Parsed &p, QTextStream &out, QTextStream &err)
{
    int code = Ok;
    auto r = openArchive(p, err, &code);
    if (!r)
        return code;
    bool okList = true;
    const int list = p.value("--list").isEmpty() ? 20 : p.value("--list").toInt(&okList);
    if (!okList || list < 0) {
        err << "vigil archive verify: --list needs a non-negative number\n";
        return Usage;
    }
    const VerifyReport rep = verifyArchive(*r, p.has("--quick"), list);
    out << "archive: " << r->path() << "\n";
    out << (p.has("--quick") ? "quick_check: " : "integrity_check: ") << (rep.integrityOk ? "ok" : "FAILED")
        << "\n";
    for (const QString &m : rep.integrityMessages)
        out << "  " << m << "\n";
    out << "waveform chunks: " << rep.waveChunks << " (+" << rep.waveTails << " tail segments), "
        << rep.samples << " samples\n";
    out << "numeric chunks: " << rep.numericChunks << " (+" << rep.numericTails << " tail segments)\n";
    out << "damaged chunks: " << rep.badChunks << "\n";
    for (const QString &m : rep.problems)
        out << "  " << m << "\n";
    out << "gaps: " << rep.gaps << " (" << QString::number(rep.gapSeconds, 'f', 1)
        << " s in total), overlaps: " << rep.overlaps << "\n";
    for (const QString &m : rep.gapList)
        out << "  " << m << "\n";
    out << (rep.ok() ? "result: OK\n" : "result: DAMAGED\n");
    return rep.ok() ? Ok : Failed;
}

int exportCommand(const Parsed &p, QTextStream &out, QTextStream &err)
{
    const QString bedArg = p.value("--bed"), fromArg = p.value("--from"), toArg = p.value("--to");
    const QString format = p.value("--format").toLower();
    const bool events = format == QLatin1String("events");
    if ((bedArg.isEmpty() && !events) || fromArg.isEmpty() || toArg.isEmpty() || format.isEmpty()) {
        err << "vigil archive export: --bed, --from, --to and --format are required\n" << kUsage;
        return Usage;
    }
    if (format != QLatin1String("csv") && format != QLatin1String("wfdb") && !events) {
        err << "vigil archive export: --format must be csv, wfdb or events, not '" << format << "'\n";
        return Usage;
    }
    qint64 fromMs = 0, toMs = 0;
    if (!cli::parseTimeMs(fromArg, &fromMs)) {
        err << "vigil archive export: cannot read --from '" << fromArg
            << "' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)\n";
        return Usage;
    }
    if (!cli::parseTimeMs(toArg, &toMs)) {
        err << "vigil archive export: cannot read --to '" << toArg
            << "' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)\n";
        return Usage;
    }
    if (toMs <= fromMs) {
        err << "vigil archive export: --to must be after --from\n";
        return Usage;
    }
    int code = Ok;
    auto r = openArchive(p, err, &code);
    if (!r)
        return code;
    QString error;
    std::optional<BedRecord> bed;
    if (!bedArg.isEmpty()) {
        bed = r->findBed(bedArg, &error);
        if (!bed) {
            err << "vigil archive export: " << (error.isEmpty() ? r->lastError() : error) << "\n";
            return Usage;
        }
    }
    const QString defaultName =
        (bed ? sanitize(bed->key) : QStringLiteral("ward")) + u'_' +
        QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd_HHmmss"));
    const QString outArg = p.value("--out").isEmpty() ? QStringLiteral(".") : p.value("--out");
    ExportResult res;
    bool ok;
    if (events) {
        const QString path = outArg.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                 ? outArg
                                 : QDir(outArg).filePath(defaultName + QStringLiteral("_events.csv"));
        ok = exportEvents(*r, bed ? bed->key : QString(), fromMs, toMs, path, &res, &error);
    } else if (format == QLatin1String("wfdb")) {
        QString dir = outArg, name = defaultName;
        if (outArg.endsWith(QLatin1String(".hea"), Qt::CaseInsensitive)) {
            const QFileInfo fi(outArg);
            dir = fi.absolutePath();
            name = fi.completeBaseName();
        }
        ok = exportWfdb(*r, *bed, fromMs * 1000, toMs * 1000, dir, name, &res, &error);
    } else {
        const QString path = outArg.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                 ? outArg
                                 : QDir(outArg).filePath(defaultName + QStringLiteral(".csv"));
        ok = exportCsv(*r, *bed, fromMs * 1000, toMs * 1000, path, &res, &error);
    }
    for (const QString &n : res.notes)
        err << "note: " << n << "\n";
    if (!ok) {
        err << "vigil archive export: " << error << "\n";
        return Failed;
    }
    for (const QString &f : res.files)
        out << "wrote " << QDir::cleanPath(f) << "\n";
    return Ok;
}

int stats(const Parsed &p, QTextStream &out, QTextStream &err)
{
    int code = Ok;
    auto r = openArchive(p, err, &code);
    if (!r)
        return code;
    QString error;
    const QString text = archiveStats(*r, &error);
    if (!error.isEmpty()) {
        err << "vigil archive stats: " << error << "\n";
        return Unreadable;
    }
    out << text;
    return Ok;
}

} // namespace

int runArchiveCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args);
    if (!p.error.isEmpty()) {
        err << "vigil archive: " << p.error << "\n" << kUsage;
        return Usage;
    }
    if (p.command.isEmpty() || p.wantsHelp()) {
        (p.command.isEmpty() ? err : out) << kUsage;
        return p.command.isEmpty() ? Usage : Ok;
    }
    if (p.command == QLatin1String("verify"))
        return verify(p, out, err);
    if (p.command == QLatin1String("export"))
        return exportCommand(p, out, err);
    if (p.command == QLatin1String("stats"))
        return stats(p, out, err);
    err << "vigil archive: unknown command '" << p.command << "'\n" << kUsage;
    return Usage;
}

} // namespace vigil::archive
