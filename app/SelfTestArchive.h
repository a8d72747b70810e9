// --self-test's archive check: the archive the station would open can be opened by this Vigil. Read
// only, so a running station's archive is neither locked nor changed: an archive of a newer schema (a
// downgrade) fails the self-test with the archive's own message, an older one is reported as migrated on
// the next start, a missing one needs a writable folder.
#pragma once

#include <QString>

namespace vigil {

struct Options;
struct StationConfig;

// The path the station would use (--archive, else [archive] path, else the user's data folder).
QString selfTestArchivePath(const Options &o, const StationConfig &config);
// True with a one-line *summary, or false with the reason.
bool checkArchiveForSelfTest(const QString &path, QString *summary);

} // namespace vigil
