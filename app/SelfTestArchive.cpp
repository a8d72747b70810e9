#include "SelfTestArchive.h"

#include "ArchiveTypes.h"
#include "CommandLine.h"
#include "Schema.h"
#include "Sqlite.h"
#include "StationConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <sqlite3.h>

namespace vigil {

QString selfTestArchivePath(const Options &o, const StationConfig &config)
{
    if (!o.archivePath.isEmpty())
        return o.archivePath;
    if (!config.archive.path.isEmpty())
        return config.archive.path;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/archive.sqlite");
}

bool checkArchiveForSelfTest(const QString &path, QString *summary)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        const QFileInfo dir(info.absolutePath());
        if (dir.exists() && !dir.isWritable()) {
            *summary = QStringLiteral("archive %1: the folder is not writable, the archive cannot be created")
                           .arg(path);
            return false;
        }
        *summary = QStringLiteral("archive %1: none yet (created on the first start)").arg(path);
        return true;
    }
    try {
        archive::sql::Db db;
        db.open(path, SQLITE_OPEN_READONLY);
        sqlite3_busy_timeout(db.handle(), 5000);
        const archive::schema::FileVersion v = archive::schema::readVersion(db);
        if (!v.empty && v.applicationId != archive::kApplicationId) {
            *summary = QStringLiteral("archive %1: not a Vigil archive (other SQLite tables)").arg(path);
            return false;
        }
        if (v.version > archive::kSchemaVersion) {
            *summary = QStringLiteral("archive %1: schema version %2 is newer than this Vigil supports (%3): "
                                      "it was written by a newer Vigil. Install that version again, or move "
                                      "the archive aside to start a new one; it was left untouched")
                           .arg(path)
                           .arg(v.version)
                           .arg(archive::kSchemaVersion);
            return false;
        }
        if (!info.isWritable()) {
            *summary = QStringLiteral("archive %1: not writable by this user").arg(path);
            return false;
        }
        if (v.version < archive::kSchemaVersion)
            *summary = QStringLiteral("archive %1: schema version %2, migrated to %3 on the next start")
                           .arg(path)
                           .arg(v.version)
                           .arg(archive::kSchemaVersion);
        else
            *summary = QStringLiteral("archive %1: schema version %2, opens").arg(path).arg(v.version);
        return true;
    } catch (const std::exception &e) {
        *summary = QStringLiteral("archive %1: cannot be read: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace vigil
