// Reading the station file: TOML 1.0 parsed by toml++, then read section by section into plain structs.
//
// ConfigDocument parses the text (bounded in size and nesting) and lists its top-level entries;
// ConfigSection is one table of it ([display], one [[source]], [alarms.limits.adult]...) with typed
// readers that validate each value. Every problem becomes one ConfigError naming the file, the line and
// the key; the first one wins, and after it every reader does nothing, so a section reader is a plain
// list of reads without error plumbing. Only ConfigDocument.cpp includes toml++.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <type_traits>
#include <vector>

namespace toml {
inline namespace v3 {
class table;
class node;
} // namespace v3
} // namespace toml

namespace vigil {

struct ConfigError
{
    QString file;
    int line = 0;
    QString key;
    QString message;
    QString toString() const;
};

// Where the first error of one reading goes; shared by the document and its sections.
struct ConfigErrorSink
{
    QString origin;
    ConfigError *error = nullptr;
    bool failed = false;
    // Records the first problem; returns false so callers can `return sink.fail(...)`.
    bool fail(int line, const QString &key, const QString &message);
};

class ConfigSection
{
public:
    // `name` is the table's path ("display", "alarms.limits.adult"); `repeated` tables print as [[name]].
    ConfigSection(const toml::table &table, QString name, bool repeated, int line, ConfigErrorSink &sink);
    // The same table, seen without its sub-tables (the top level's plain values).
    ConfigSection valuesOnly() const;

    QString name() const { return m_name; }
    QString title() const; // "[display]", "[[source]]"
    int line() const { return m_line; }
    bool ok() const { return !m_sink->failed; }

    struct Entry
    {
        QString key;
        int line = 0;
        const toml::node *node = nullptr;
    };
    // The keys in file order (sub-tables included).
    std::vector<Entry> entries() const;
    bool has(const QString &key) const;
    int lineOf(const QString &key) const; // the key's line, else the section's
    bool isTable(const QString &key) const;
    ConfigSection subsection(const QString &key) const; // isTable(key) must hold

    // A key not in `known` is an error (a misspelt key must not be silently ignored).
    void allowOnly(const QStringList &known);
    void require(const QString &key);
    void read(const QString &key, QString &out);
    void read(const QString &key, bool &out);
    void read(const QString &key, QStringList &out, const QString &what); // an array of strings
    // A number from lo to hi; integral T must get a whole number.
    template <class T> void read(const QString &key, T &out, double lo, double hi)
    {
        double v = 0;
        if (readNumber(key, lo, hi, std::is_integral_v<T>, &v))
            out = static_cast<T>(v);
    }
    // The value as a QVariant (numbers as double, arrays as lists of scalars), for readers that validate
    // loosely typed values themselves (the alarm engine's keys).
    QVariant variant(const QString &key);

    // Reports a problem with `key` (at its line) or with the section (empty key, at the header's line).
    bool fail(const QString &key, const QString &message);
    bool failAt(int line, const QString &key, const QString &message);

private:
    bool readNumber(const QString &key, double lo, double hi, bool integer, double *out);
    const toml::node *find(const QString &key) const;
    QString label(const QString &key) const { return title() + u' ' + key; }

    const toml::table *m_table;
    QString m_name;
    bool m_repeated;
    int m_line;
    ConfigErrorSink *m_sink;
    bool m_valuesOnly = false;
};

class ConfigDocument
{
public:
    // Limits that keep a hostile or mistaken file from exhausting memory or the stack.
    static constexpr qsizetype kMaxBytes = 1 << 20;
    static constexpr int kMaxKeyDepth = 32;   // a.b.c = ..., [a.b.c]
    static constexpr int kMaxValueDepth = 32; // [[[...]]], {a = {b = ...}}

    ConfigDocument(const ConfigDocument &) = delete;
    ConfigDocument &operator=(const ConfigDocument &) = delete;
    ~ConfigDocument();

    // Null with the sink's error set when the text is not TOML (or too large or too deep).
    static std::unique_ptr<ConfigDocument> parse(const QByteArray &text, ConfigErrorSink &sink);

    enum class Kind { Value, Table, TableArray };
    struct TopEntry
    {
        QString key;
        int line = 0;
        Kind kind = Kind::Value;
    };
    std::vector<TopEntry> entries() const; // in file order
    // The top level's plain values (keys before any [section]) as one section named `name`.
    ConfigSection values(const QString &name) const;
    ConfigSection table(const QString &key) const;
    std::vector<ConfigSection> tableArray(const QString &key) const;

private:
    ConfigDocument(std::unique_ptr<toml::table> root, ConfigErrorSink &sink);
    std::unique_ptr<toml::table> m_root;
    ConfigErrorSink *m_sink;
};

} // namespace vigil
