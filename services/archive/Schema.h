// Archive schema: creation, version check and migrations (docs/ARCHIVE.md, "Schema").
#pragma once

#include "Sqlite.h"

#include <QString>

namespace vigil::archive::schema {

// Writer side: applies the connection pragmas (WAL, synchronous=FULL...), creates the schema in an empty
// file or migrates an older one, all in one transaction so a crash mid-migration leaves the old version.
// Throws SqlError on SQLite failures; returns false with *error for files it must refuse (not an archive,
// newer version).
bool prepareForWriting(sql::Db &db, QString *error);

// Reader side: checks that the file is an archive of exactly the current version.
bool checkReadable(sql::Db &db, QString *error);

// The version stored in the file, and whether it looks like a Vigil archive at all.
struct FileVersion
{
    int version = 0;
    qint32 applicationId = 0;
    bool empty = true; // no tables at all
};
FileVersion readVersion(sql::Db &db);

} // namespace vigil::archive::schema
