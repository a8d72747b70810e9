// `vigil audit`: verify the hash chain, export a period as CSV or JSON.
#include "AuditCommand.h"

#include "AuditLog.h"
#include "CommandArgs.h"
#include "Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace vigil {

namespace {

const char kUsage[] =
    "usage: vigil audit verify [--archive FILE]\n"
    "       vigil audit export [--archive FILE] [--from T --to T] [--format csv|json] [--out FILE]\n"
    "FILE: the audit file, or the station's archive (the audit is then audit.sqlite beside it).\n"
    "Times: ISO 8601 (local time unless Z or an offset is given) or epoch ms.\n";

bool holdsAuditTable(const QString &path)
{
    try {
        archive::sql::Db db;
        db.open(path, SQLITE_OPEN_READONLY);
        return db.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='audit_log'") > 0;
    } catch (const archive::sql::SqlError &) {
        return false; // not an SQLite file (e.g. a plain path): the audit is beside it
    }
}

} // namespace

QString auditFileFor(const QString &path)
{
    if (QFileInfo::exists(path) && holdsAuditTable(path))
        return path;
    return QFileInfo(path).absoluteDir().filePath(QStringLiteral("audit.sqlite"));
}

QString auditToolUse(const QString &auditPath, const QString &action, const QString &target,
                     const QString &details)
{
    if (!QFileInfo::exists(auditPath))
        return {};
    security::AuditStore store;
    QString error;
    if (!store.open(auditPath, &error))
        return error;
    security::AuditRecord r;
    r.station = QSysInfo::machineHostName();
    const passwd *pw = getpwuid(geteuid());
    r.user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(geteuid());
    r.role = QStringLiteral("shell");
    r.action = action;
    r.target = target;
    r.details = details;
    return store.append(r, &error) ? QString() : error;
}

void auditArchiveCommand(const QStringList &args, int exitCode, QTextStream &err)
{
    if (args.isEmpty() || exitCode == 2 || args.contains(QLatin1String("--help")) ||
        args.contains(QLatin1String("-h")))
        return;
    QString archivePath = qEnvironmentVariable("VIGIL_ARCHIVE");
    const qsizetype i = args.indexOf(QLatin1String("--archive"));
    if (i >= 0 && i + 1 < args.size())
        archivePath = args[i + 1];
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--archive=")))
            archivePath = a.mid(10);
    if (archivePath.isEmpty())
        return;
    const QString why =
        auditToolUse(auditFileFor(archivePath), QStringLiteral("archive_tool"), archivePath,
                     QStringLiteral("vigil archive %1 (exit %2)").arg(args.join(u' ')).arg(exitCode));
    if (!why.isEmpty())
        err << "vigil archive: warning: not recorded in the audit trail: " << why << "\n";
}

int runAuditCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    static const cli::CommandSpec spec{QStringLiteral("audit"),
                                       {QStringLiteral("--archive"), QStringLiteral("--from"),
                                        QStringLiteral("--to"), QStringLiteral("--format"),
                                        QStringLiteral("--out")},
                                       {},
                                       {},
                                       false};
    auto bad = [&](const QString &msg) {
        err << "vigil audit: " << msg << "\n" << kUsage;
        return 2;
    };
    const cli::CommandArgs p = cli::parseCommand(args, spec);
    if (!p.error.isEmpty())
        return bad(p.error);
    if (p.command.isEmpty() || p.wantsHelp()) {
        (p.command.isEmpty() ? err : out) << kUsage;
        return p.command.isEmpty() ? 2 : 0;
    }
    const QString verb = p.command;
    if (verb != QLatin1String("verify") && verb != QLatin1String("export")) {
        err << "vigil audit: unknown command '" << verb << "'\n" << kUsage;
        return 2;
    }
    if (verb == QLatin1String("verify"))
        for (const char *exportOnly : {"--from", "--to", "--format", "--out"})
            if (p.has(exportOnly))
                return bad(QStringLiteral("%1 is an option of export").arg(QLatin1String(exportOnly)));
    QString archivePath = p.value("--archive");
    const QString fromArg = p.value("--from"), toArg = p.value("--to"), outPath = p.value("--out");
    const QString format = p.has("--format") ? p.value("--format") : QStringLiteral("csv");
    if (archivePath.isEmpty())
        archivePath = qEnvironmentVariable("VIGIL_ARCHIVE");
    if (archivePath.isEmpty())
        return bad(QStringLiteral("--archive FILE is required"));
    const QString auditPath = auditFileFor(archivePath);
    if (!QFileInfo::exists(auditPath)) {
        err << "vigil audit: no audit trail at " << auditPath << "\n";
        return 1;
    }

    if (verb == QLatin1String("verify")) {
        const auto r = security::verifyAudit(auditPath);
        if (r.ok) {
            out << "audit chain intact: " << r.records << " records (" << auditPath << ")\n";
            return 0;
        }
        if (r.firstBad > 0)
            err << "vigil audit: chain BROKEN at record " << r.firstBad << ": " << r.problem << "\n";
        else
            err << "vigil audit: cannot verify " << auditPath << ": " << r.problem << "\n";
        return 1;
    }

    qint64 fromMs = 0, toMs = 0;
    if (fromArg.isEmpty() != toArg.isEmpty())
        return bad(QStringLiteral("give both --from and --to, or neither (everything)"));
    if (!fromArg.isEmpty() &&
        (!cli::parseTimeMs(fromArg, &fromMs) || !cli::parseTimeMs(toArg, &toMs) || toMs <= fromMs))
        return bad(
            QStringLiteral("bad --from/--to (ISO 8601 like 2024-03-01T12:00:00Z, or epoch ms; --to after "
                           "--from)"));
    security::ExportFormat fmt;
    if (format == QLatin1String("csv"))
        fmt = security::ExportFormat::Csv;
    else if (format == QLatin1String("json"))
        fmt = security::ExportFormat::Json;
    else
        return bad(QStringLiteral("--format must be csv or json"));
    QString error;
    bool ok;
    if (outPath.isEmpty() || outPath == QLatin1String("-")) {
        ok = security::exportAudit(auditPath, fromMs, toMs, fmt, out, &error);
    } else {
        QFile f(outPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err << "vigil audit: cannot write " << outPath << ": " << f.errorString() << "\n";
            return 1;
        }
        QTextStream fileOut(&f);
        ok = security::exportAudit(auditPath, fromMs, toMs, fmt, fileOut, &error);
    }
    if (!ok) {
        err << "vigil audit: " << error << "\n";
        return 1;
    }
    // Exporting the trail is itself an archive-tool use: recorded after the export (not in it).
    const QString why =
        auditToolUse(auditPath, QStringLiteral("audit_export"), auditPath,
                     QStringLiteral("format %1, %2")
                         .arg(format, fromArg.isEmpty() ? QStringLiteral("everything")
                                                        : QStringLiteral("%1 .. %2").arg(fromArg, toArg)));
    if (!why.isEmpty())
        err << "vigil audit: warning: the export is not recorded in the audit trail: " << why << "\n";
    return 0;
}

} // namespace vigil
