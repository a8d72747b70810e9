#include "ArchiveCli.h"

#include "ArchiveTools.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <map>

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

struct Parsed
{
    QString command;
    std::map<QString, QString> options;
    QStringList flags;
    QString error;
};

Parsed parse(QStringList args)
{
    static const QStringList withValue = {QStringLiteral("--archive"), QStringLiteral("--bed"),
                                          QStringLiteral("--from"),    QStringLiteral("--to"),
                                          QStringLiteral("--format"),  QStringLiteral("--out"),
                                          QStringLiteral("--list")};
    static const QStringList flags = {QStringLiteral("--quick"), QStringLiteral("--help"),
                                      QStringLiteral("-h")};
    Parsed p;
    if (!args.isEmpty() && args.front() == QLatin1String("archive"))
        args.removeFirst();
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        const bool inlineValue = a.startsWith(QLatin1String("--")) && eq > 0;
        if (inlineValue) {
            value = a.mid(eq + 1);
            a = a.left(eq);
        }
        if (withValue.contains(a)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    p.error = QStringLiteral("%1 needs a value").arg(a);
                    return p;
                }
                value = args[++i];
            }
            p.options[a] = value;
        } else if (flags.contains(a)) {
            p.flags << a;
        } else if (a.startsWith(u'-')) {
            p.error = QStringLiteral("unknown option %1").arg(a);
            return p;
        } else if (p.command.isEmpty()) {
            p.command = a;
        } else {
            p.error = QStringLiteral("unexpected argument '%1'").arg(a);
            return p;
        }
    }
    return p;
}

QString opt(const Parsed &p, const char *name)
{
    auto it = p.options.find(QLatin1String(name));
    return it == p.options.end() ? QString() : it->second;
}

std::unique_ptr<ArchiveReader> openArchive(const Parsed &p, QTextStream &err, int *code)
{
    QString path = opt(p, "--archive");
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
    const int list = opt(p, "--list").isEmpty() ? 20 : opt(p, "--list").toInt(&okList);
    if (!okList || list < 0) {
        err << "vigil archive verify: --list needs a non-negative number\n";
        return Usage;
    }
    const VerifyReport rep = verifyArchive(*r, p.flags.contains(QStringLiteral("--quick")), list);
    out << "archive: " << r->path() << "\n";
    out << (p.flags.contains(QStringLiteral("--quick")) ? "quick_check: " : "integrity_check: ")
        << (rep.integrityOk ? "ok" : "FAILED") << "\n";
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
    const QString bedArg = opt(p, "--bed"), fromArg = opt(p, "--from"), toArg = opt(p, "--to");
    const QString format = opt(p, "--format").toLower();
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
    if (!parseTimeMs(fromArg, &fromMs)) {
        err << "vigil archive export: cannot read --from '" << fromArg
            << "' (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms)\n";
        return Usage;
    }
    if (!parseTimeMs(toArg, &toMs)) {
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
    const QString outArg = opt(p, "--out").isEmpty() ? QStringLiteral(".") : opt(p, "--out");
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

bool parseTimeMs(const QString &text, qint64 *ms)
{
    const QString t = text.trimmed();
    static const QRegularExpression digits(QStringLiteral(R"(^-?\d+$)"));
    if (digits.match(t).hasMatch()) {
        bool ok = false;
        *ms = t.toLongLong(&ok);
        return ok;
    }
    QString iso = t;
    if (iso.size() > 10 && iso[10] == u' ')
        iso[10] = u'T';
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return false;
    *ms = dt.toMSecsSinceEpoch();
    return true;
}

int runArchiveCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args);
    if (!p.error.isEmpty()) {
        err << "vigil archive: " << p.error << "\n" << kUsage;
        return Usage;
    }
    if (p.command.isEmpty() || p.command == QLatin1String("help") ||
        p.flags.contains(QStringLiteral("--help")) || p.flags.contains(QStringLiteral("-h"))) {
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
