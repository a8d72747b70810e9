// Thin RAII layer over the SQLite C API for the archive. Failures throw SqlError, which the writer and
// reader catch at their API boundary: a multi-statement transaction then needs no error plumbing at
// every step, and a failure anywhere rolls the whole transaction back.
#pragma once

#include <QString>
#include <QtGlobal>

#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigil::archive::sql {

class SqlError : public std::runtime_error
{
public:
    SqlError(int code, int systemErrno, const std::string &what)
        : std::runtime_error(what), m_code(code), m_errno(systemErrno)
    {}
    int code() const { return m_code; }         // extended result code
    int systemErrno() const { return m_errno; } // errno of the failing system call, 0 if none
    int primary() const { return m_code & 0xff; }

private:
    int m_code;
    int m_errno;
};

SqlError makeError(sqlite3 *db, int rc, std::string_view context);
[[noreturn]] void fail(sqlite3 *db, int rc, std::string_view context);

class Stmt
{
public:
    Stmt() = default;
    Stmt(sqlite3 *db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt &&o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
    Stmt &operator=(Stmt &&o) noexcept;
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    bool valid() const { return m_stmt != nullptr; }

    Stmt &bind(int i, qint64 v);
    Stmt &bind(int i, int v) { return bind(i, qint64(v)); }
    Stmt &bind(int i, double v);
    Stmt &bind(int i, const QString &v); // a null QString binds NULL
    Stmt &bindBlob(int i, std::span<const std::uint8_t> v);
    Stmt &bindNull(int i);
    Stmt &bindOptional(int i, double v); // NaN binds NULL

    // Steps once: true with a row, false when done. Throws on error.
    bool step();
    // Steps to completion (for statements without rows) and resets.
    void run();
    void reset();

    qint64 i64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double dbl(int col) const { return sqlite3_column_double(m_stmt, col); }
    double dblOrNaN(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const;
    std::span<const std::uint8_t> blob(int col) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// Owns a connection.
class Db
{
public:
    Db() = default;
    ~Db() { close(); }
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    // flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, or SQLITE_OPEN_READONLY.
    void open(const QString &path, int flags);
    void close();
    sqlite3 *handle() const { return m_db; }
    explicit operator bool() const { return m_db != nullptr; }

    void exec(std::string_view sql);
    qint64 scalar(std::string_view sql); // first column of the first row, 0 if none
    QString scalarText(std::string_view sql);

private:
    sqlite3 *m_db = nullptr;
};

} // namespace vigil::archive::sql
