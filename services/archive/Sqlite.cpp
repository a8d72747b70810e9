#include "Sqlite.h"

#include <cmath>
#include <string>

namespace vigil::archive::sql {

SqlError makeError(sqlite3 *db, int rc, std::string_view context)
{
    std::string msg(context);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int ext = db ? sqlite3_extended_errcode(db) : rc;
    return SqlError(ext ? ext : rc, db ? sqlite3_system_errno(db) : 0, msg);
}

void fail(sqlite3 *db, int rc, std::string_view context)
{
    throw makeError(db, rc, context);
}

Stmt::Stmt(sqlite3 *db, std::string_view sql) : m_db(db)
{
    const int rc =
        sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, std::string("prepare \"") + std::string(sql.substr(0, 60)) + "\"");
}

Stmt::~Stmt()
{
    sqlite3_finalize(m_stmt);
}

Stmt &Stmt::operator=(Stmt &&o) noexcept
{
    if (this != &o) {
        sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        o.m_stmt = nullptr;
    }
    return *this;
}

Stmt &Stmt::bind(int i, qint64 v)
{
    const int rc = sqlite3_bind_int64(m_stmt, i, v);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Stmt &Stmt::bind(int i, double v)
{
    const int rc = sqlite3_bind_double(m_stmt, i, v);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Stmt &Stmt::bind(int i, const QString &v)
{
    if (v.isNull())
        return bindNull(i);
    const QByteArray utf8 = v.toUtf8();
    const int rc = sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Stmt &Stmt::bindBlob(int i, std::span<const std::uint8_t> v)
{
    // SQLITE_STATIC: every caller keeps the buffer alive until the statement has run.
    const int rc = sqlite3_bind_blob64(m_stmt, i, v.data(), v.size(), SQLITE_STATIC);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Stmt &Stmt::bindNull(int i)
{
    const int rc = sqlite3_bind_null(m_stmt, i);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Stmt &Stmt::bindOptional(int i, double v)
{
    return std::isnan(v) ? bindNull(i) : bind(i, v);
}

bool Stmt::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    SqlError e =
        makeError(m_db, rc, std::string("step \"") + std::string(sqlite3_sql(m_stmt)).substr(0, 60) + "\"");
    // Reset so the statement does not keep its read or write lock after the error.
    sqlite3_reset(m_stmt);
    throw e;
}

void Stmt::run()
{
    while (step()) {
    }
    reset();
}

void Stmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

double Stmt::dblOrNaN(int col) const
{
    return isNull(col) ? std::nan("") : dbl(col);
}

QString Stmt::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

std::span<const std::uint8_t> Stmt::blob(int col) const
{
    const auto *p = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, col));
    const int n = sqlite3_column_bytes(m_stmt, col);
    return p ? std::span<const std::uint8_t>(p, std::size_t(n)) : std::span<const std::uint8_t>();
}

void Db::open(const QString &path, int flags)
{
    close();
    const QByteArray p = path.toUtf8();
    const int rc = sqlite3_open_v2(p.constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg =
            "cannot open " + p.toStdString() + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        const int err = m_db ? sqlite3_system_errno(m_db) : 0;
        close();
        throw SqlError(rc, err, msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

void Db::close()
{
    if (m_db) {
        // close_v2 defers the close if a statement is still alive instead of failing.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Db::exec(std::string_view sql)
{
    const std::string s(sql);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        sqlite3_free(err);
        fail(m_db, rc, std::string("exec \"") + s.substr(0, 60) + "\"");
    }
}

qint64 Db::scalar(std::string_view sql)
{
    Stmt st(m_db, sql);
    return st.step() ? st.i64(0) : 0;
}

QString Db::scalarText(std::string_view sql)
{
    Stmt st(m_db, sql);
    return st.step() ? st.text(0) : QString();
}

} // namespace vigil::archive::sql
