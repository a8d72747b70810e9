#include "ConfigDocument.h"

#include "ConfigText.h"

// The one translation unit that includes toml++ (header-only): its limits are set here.
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 1
#define TOML_MAX_NESTED_VALUES 32
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <sstream>

static_assert(vigil::ConfigDocument::kMaxValueDepth == TOML_MAX_NESTED_VALUES);

namespace vigil {

QString ConfigError::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1").arg(line);
    return key.isEmpty() ? QStringLiteral("%1: %2").arg(where, message)
                         : QStringLiteral("%1: %2: %3").arg(where, key, message);
}

bool ConfigErrorSink::fail(int line, const QString &key, const QString &message)
{
    if (failed)
        return false;
    failed = true;
    if (error)
        *error = ConfigError{origin, line, key, message};
    return false;
}

namespace {

QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

int lineOfNode(const toml::node &n)
{
    return static_cast<int>(n.source().begin.line);
}

template <class T> QString printed(const T &value)
{
    std::ostringstream os;
    os << value;
    return QString::fromStdString(os.str());
}

// How a value reads in a message: the value itself, or what kind of thing it is.
QString describe(const toml::node &n)
{
    if (auto s = n.as_string())
        return QStringLiteral("\"%1\"").arg(fromView(s->get()));
    if (auto i = n.as_integer())
        return QString::number(i->get());
    if (auto f = n.as_floating_point())
        return QString::number(f->get());
    if (auto b = n.as_boolean())
        return b->get() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto d = n.as_date())
        return QStringLiteral("the date %1").arg(printed(d->get()));
    if (auto t = n.as_time())
        return QStringLiteral("the time %1").arg(printed(t->get()));
    if (auto dt = n.as_date_time())
        return QStringLiteral("the date-time %1").arg(printed(dt->get()));
    if (n.is_array())
        return QStringLiteral("an array");
    return QStringLiteral("a table");
}

} // namespace

// ------------------------------------------------------------------------------------------ ConfigSection

ConfigSection::ConfigSection(const toml::table &table, QString name, bool repeated, int line,
                             ConfigErrorSink &sink)
    : m_table(&table), m_name(std::move(name)), m_repeated(repeated), m_line(line), m_sink(&sink)
{}

ConfigSection ConfigSection::valuesOnly() const
{
    ConfigSection s = *this;
    s.m_valuesOnly = true;
    return s;
}

QString ConfigSection::title() const
{
    return m_repeated ? QStringLiteral("[[%1]]").arg(m_name) : QStringLiteral("[%1]").arg(m_name);
}

std::vector<ConfigSection::Entry> ConfigSection::entries() const
{
    std::vector<Entry> out;
    for (auto &&[k, v] : *m_table)
        if (!m_valuesOnly || (!v.is_table() && !v.is_array_of_tables()))
            out.push_back({fromView(k.str()), static_cast<int>(k.source().begin.line), &v});
    std::stable_sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) { return a.line < b.line; });
    return out;
}

const toml::node *ConfigSection::find(const QString &key) const
{
    const toml::node *n = m_table->get(toStd(key));
    return n && m_valuesOnly && (n->is_table() || n->is_array_of_tables()) ? nullptr : n;
}

bool ConfigSection::has(const QString &key) const
{
    return find(key) != nullptr;
}

int ConfigSection::lineOf(const QString &key) const
{
    const std::string k = toStd(key);
    for (auto &&[tk, v] : *m_table)
        if (tk.str() == k)
            return tk.source().begin.line ? static_cast<int>(tk.source().begin.line) : lineOfNode(v);
    return m_line;
}

bool ConfigSection::isTable(const QString &key) const
{
    const toml::node *n = find(key);
    return n && n->is_table();
}

ConfigSection ConfigSection::subsection(const QString &key) const
{
    const toml::node *n = find(key);
    Q_ASSERT(n && n->is_table());
    return ConfigSection(*n->as_table(), m_name + u'.' + key, false, lineOf(key), *m_sink);
}

bool ConfigSection::fail(const QString &key, const QString &message)
{
    return failAt(key.isEmpty() ? m_line : lineOf(key), key.isEmpty() ? title() : label(key), message);
}

bool ConfigSection::failAt(int line, const QString &key, const QString &message)
{
    return m_sink->fail(line, key, message);
}

void ConfigSection::allowOnly(const QStringList &known)
{
    for (const Entry &e : entries()) {
        if (!ok())
            return;
        if (!known.contains(e.key))
            failAt(e.line, label(e.key),
                   QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
    }
}

void ConfigSection::require(const QString &key)
{
    if (ok() && !has(key))
        failAt(m_line, label(key), QStringLiteral("required key is missing"));
}

void ConfigSection::read(const QString &key, QString &out)
{
    const toml::node *n = find(key);
    if (!n || !ok())
        return;
    if (auto s = n->as_string())
        out = fromView(s->get());
    else
        fail(key, QStringLiteral("expected a \"string\", got %1").arg(describe(*n)));
}

void ConfigSection::read(const QString &key, bool &out)
{
    const toml::node *n = find(key);
    if (!n || !ok())
        return;
    if (auto b = n->as_boolean())
        out = b->get();
    else
        fail(key, QStringLiteral("expected true or false, got %1").arg(describe(*n)));
}

void ConfigSection::read(const QString &key, QStringList &out, const QString &what)
{
    const toml::node *n = find(key);
    if (!n || !ok())
        return;
    const toml::array *a = n->as_array();
    if (!a) {
        fail(key, QStringLiteral("expected an array of %1").arg(what));
        return;
    }
    QStringList list;
    for (const toml::node &item : *a) {
        if (auto s = item.as_string()) {
            list << fromView(s->get());
        } else {
            fail(key, QStringLiteral("expected strings, got %1").arg(describe(item)));
            return;
        }
    }
    out = list;
}

bool ConfigSection::readNumber(const QString &key, double lo, double hi, bool integer, double *out)
{
    const toml::node *n = find(key);
    if (!n || !ok())
        return false;
    double v = std::nan("");
    if (auto i = n->as_integer())
        v = static_cast<double>(i->get());
    else if (auto f = n->as_floating_point())
        v = f->get();
    if (std::isnan(v) || v < lo || v > hi || (integer && v != std::floor(v))) {
        fail(key, QStringLiteral("expected %1 from %2 to %3, got %4")
                      .arg(integer ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                      .arg(lo)
                      .arg(hi)
                      .arg(describe(*n)));
        return false;
    }
    *out = v;
    return true;
}

QVariant ConfigSection::variant(const QString &key)
{
    const toml::node *n = find(key);
    if (!n || !ok())
        return {};
    auto scalar = [](const toml::node &v) -> QVariant {
        if (auto s = v.as_string())
            return fromView(s->get());
        if (auto i = v.as_integer())
            return static_cast<double>(i->get());
        if (auto f = v.as_floating_point())
            return f->get();
        if (auto b = v.as_boolean())
            return b->get();
        return {};
    };
    if (const toml::array *a = n->as_array()) {
        QVariantList list;
        for (const toml::node &item : *a) {
            const QVariant v = scalar(item);
            if (!v.isValid()) {
                fail(key, item.is_array() ? QStringLiteral("nested arrays are not supported")
                                          : QStringLiteral("expected numbers, strings or true/false in "
                                                           "the array, got %1")
                                                .arg(describe(item)));
                return {};
            }
            list << v;
        }
        return list;
    }
    QVariant v = scalar(*n);
    if (!v.isValid())
        fail(key, QStringLiteral("expected a number, a \"string\" or true/false, got %1").arg(describe(*n)));
    return v;
}

// ----------------------------------------------------------------------------------------- ConfigDocument

ConfigDocument::ConfigDocument(std::unique_ptr<toml::table> root, ConfigErrorSink &sink)
    : m_root(std::move(root)), m_sink(&sink)
{}

ConfigDocument::~ConfigDocument() = default;

std::unique_ptr<ConfigDocument> ConfigDocument::parse(const QByteArray &text, ConfigErrorSink &sink)
{
    if (text.size() > kMaxBytes) {
        sink.fail(0, {},
                  QStringLiteral("the station file is larger than %1 bytes (1 MiB), the most it may be")
                      .arg(kMaxBytes));
        return nullptr;
    }
    using namespace configtext;
    if (const int line = tooDeepKeyLine(text, kMaxKeyDepth)) {
        QString key = keyOfLine(lineText(text, line));
        if (key.size() > 40)
            key = key.left(40) + QStringLiteral("...");
        sink.fail(line, key, QStringLiteral("keys nested deeper than %1 levels").arg(kMaxKeyDepth));
        return nullptr;
    }
    toml::parse_result result = toml::parse(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), toStd(sink.origin));
    if (!result) {
        const toml::parse_error &pe = result.error();
        const ConfigError e = syntaxError(sink.origin, text, static_cast<int>(pe.source().begin.line),
                                          static_cast<int>(pe.source().begin.column),
                                          fromView(pe.description()), kMaxValueDepth);
        sink.fail(e.line, e.key, e.message);
        return nullptr;
    }
    auto root = std::make_unique<toml::table>(std::move(result).table());
    return std::unique_ptr<ConfigDocument>(new ConfigDocument(std::move(root), sink));
}

std::vector<ConfigDocument::TopEntry> ConfigDocument::entries() const
{
    std::vector<TopEntry> out;
    for (auto &&[k, v] : *m_root) {
        const Kind kind = v.is_table()             ? Kind::Table
                          : v.is_array_of_tables() ? Kind::TableArray
                                                   : Kind::Value;
        out.push_back({fromView(k.str()), static_cast<int>(k.source().begin.line), kind});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const TopEntry &a, const TopEntry &b) { return a.line < b.line; });
    return out;
}

ConfigSection ConfigDocument::values(const QString &name) const
{
    return ConfigSection(*m_root, name, false, 1, *m_sink).valuesOnly();
}

ConfigSection ConfigDocument::table(const QString &key) const
{
    const toml::node *n = m_root->get(toStd(key));
    Q_ASSERT(n && n->is_table());
    const toml::table &t = *n->as_table();
    int line = lineOfNode(t);
    for (auto &&[k, v] : *m_root)
        if (&v == n && !line)
            line = static_cast<int>(k.source().begin.line);
    return ConfigSection(t, key, false, line, *m_sink);
}

std::vector<ConfigSection> ConfigDocument::tableArray(const QString &key) const
{
    std::vector<ConfigSection> out;
    const toml::node *n = m_root->get(toStd(key));
    Q_ASSERT(n && n->is_array_of_tables());
    for (const toml::node &item : *n->as_array())
        out.emplace_back(*item.as_table(), key, true, lineOfNode(item), *m_sink);
    return out;
}

} // namespace vigil
