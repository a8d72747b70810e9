// `vigil report ...`: any report generated from an archive, for biomed and for the EHR (issue 10).
//
//   vigil report ward|patient|strip|disclosure|events --archive FILE [--bed LABEL] [--from T --to T]
//                [--trigger T] [--pre-trigger S] [--paper a4|letter] [--landscape] [--ward NAME] [--by USER]
//                [--severity stable|watcher|unstable] [--notes TEXT] (--out FILE.pdf | --print [QUEUE])
//                [--duplex]
//
// Times as `vigil archive export` (ISO 8601, local unless Z or an offset; or epoch ms). No --from/--to:
// the last shift (07:00, 15:00, 23:00 local). --print sends the pages through Qt Print Support (QPrinter)
// to a CUPS queue (the default destination when QUEUE is omitted).
// Exit codes: 0 done; 1 the report failed (unknown bed, empty archive...); 2 bad arguments.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace vigil {

// args: the words after "report". Needs a QApplication (Qt Charts) in the process.
int runReportCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace vigil
