// Column readers the audit log and the user store share (internal to vigil_security).
#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace vigil::security::detail {

inline QString colText(sqlite3_stmt *s, int c)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(s, c)) : QString();
}

inline QByteArray colBlob(sqlite3_stmt *s, int c)
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(s, c));
    return p ? QByteArray(p, sqlite3_column_bytes(s, c)) : QByteArray();
}

} // namespace vigil::security::detail
