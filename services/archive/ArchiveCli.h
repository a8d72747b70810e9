// `vigil archive ...`: the command line for biomed and research staff.
//
//   vigil archive verify [--archive PATH] [--quick] [--list N]
//   vigil archive export --bed B --from T1 --to T2 --format csv|wfdb [--out DIR_OR_FILE] [--archive PATH]
//   vigil archive stats  [--archive PATH]
//
// PATH defaults to $VIGIL_ARCHIVE. Times are ISO 8601 (local time unless they carry Z or an offset) or
// milliseconds since the Unix epoch. B is a bed key or label.
// Exit codes: 0 success; 1 verify found damage, or export failed; 2 bad arguments; 3 archive unreadable.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace vigil::archive {

// args: the words after "archive" (a leading "archive" is skipped too).
int runArchiveCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace vigil::archive
