// `vigil audit ...`: checks and exports the tamper-evident audit trail (issue 12, docs/SECURITY.md).
//
//   vigil audit verify [--archive FILE]
//   vigil audit export [--archive FILE] [--from T --to T] [--format csv|json] [--out FILE]
//
// FILE is the audit file itself, or the station's archive: the audit then lives beside it in
// audit.sqlite (as the station writes it). Without --archive: $VIGIL_ARCHIVE, as `vigil archive`.
// Times as `vigil archive export` (ISO 8601, local unless Z or an offset; or epoch ms).
// Exit codes: verify 0 for an intact chain, 1 for a broken one (the first bad record is named) or an
// unreadable file; 2 bad arguments.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace vigil {

// The audit file for an --archive argument: FILE when it holds the audit table, else audit.sqlite beside it.
QString auditFileFor(const QString &archiveOrAudit);
// args: the words after "audit".
int runAuditCommand(const QStringList &args, QTextStream &out, QTextStream &err);
// Records the use of a command-line tool in the audit trail at auditPath (issue 12: "archive tool use"), as
// the operating-system user with the role "shell", continuing the station's chain (the station may be
// running: AuditStore appends from the file's newest record). Only when the trail exists (a station
// writes there). "" when recorded or skipped, else why not (for a warning; the tool's result stands).
QString auditToolUse(const QString &auditPath, const QString &action, const QString &target,
                     const QString &details);
// `vigil archive ARGS` finished with exitCode: recorded beside the archive it used (--archive FILE or
// $VIGIL_ARCHIVE), when an audit trail is there. Help and argument errors are not recorded.
void auditArchiveCommand(const QStringList &args, int exitCode, QTextStream &err);

} // namespace vigil
