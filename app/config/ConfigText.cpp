// Text-level work on the station file around toml++ (no toml++ types here).
#include "ConfigText.h"

#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace vigil::configtext {

int tooDeepKeyLine(const QByteArray &t, int limit)
{
    int line = 1, chain = 0;
    const qsizetype n = t.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = t[i];
        if (c == '\n') {
            ++line;
            chain = 0;
        } else if (c == '#') {
            while (i + 1 < n && t[i + 1] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            const bool triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
            if (triple) {
                i += 3;
                while (i < n && !(t[i] == c && i + 2 < n && t[i + 1] == c && t[i + 2] == c)) {
                    if (t[i] == '\n')
                        ++line;
                    else if (c == '"' && t[i] == '\\')
                        ++i;
                    ++i;
                }
                i += 2;
                chain = 0;
            } else {
                ++i;
                while (i < n && t[i] != c && t[i] != '\n') {
                    if (c == '"' && t[i] == '\\' && i + 1 < n && t[i + 1] != '\n')
                        ++i;
                    ++i;
                }
                if (i < n && t[i] == '\n')
                    --i; // unterminated: toml++ reports it
            }
        } else if (c == '.') {
            if (++chain > limit)
                return line;
        } else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' ||
                     c == '\t' || c == '\r')) {
            chain = 0;
        }
    }
    return 0;
}

QString lineText(const QByteArray &text, int line)
{
    if (line < 1)
        return {};
    qsizetype start = 0;
    for (int l = 1; l < line; ++l) {
        start = text.indexOf('\n', start);
        if (start < 0)
            return {};
        ++start;
    }
    qsizetype end = text.indexOf('\n', start);
    if (end < 0)
        end = text.size();
    return QString::fromUtf8(text.mid(start, end - start)).trimmed();
}

QString keyOfLine(const QString &line)
{
    if (line.startsWith(u'[') || line.startsWith(u'#'))
        return {};
    const qsizetype eq = line.indexOf(u'=');
    return eq > 0 ? line.left(eq).trimmed() : QString();
}

ConfigError syntaxError(const QString &origin, const QByteArray &text, int line, int column,
                        const QString &desc, int maxValueDepth)
{
    const QString lt = lineText(text, line);
    const QString key = keyOfLine(lt);
    ConfigError out{origin, line, key, {}};
    if (desc.contains(QLatin1String("cannot redefine existing table")) && lt.startsWith(u'[')) {
        out.message = QStringLiteral("section %1 appears twice").arg(lt);
    } else if (desc.contains(QLatin1String("cannot redefine existing")) && !key.isEmpty()) {
        // The earlier line that set it, within the same table (lines split once: the file may be 1 MiB).
        const QList<QByteArray> lines = text.split('\n');
        int first = 0;
        for (int l = std::min<int>(line - 1, static_cast<int>(lines.size())); l >= 1 && !first; --l) {
            const QString prev = QString::fromUtf8(lines[l - 1]).trimmed();
            if (prev.startsWith(u'['))
                break;
            if (keyOfLine(prev) == key)
                first = l;
        }
        out.message =
            first ? QStringLiteral("set twice (first on line %1)").arg(first) : QStringLiteral("set twice");
    } else if (!lt.startsWith(u'[') && key.isEmpty() && !lt.isEmpty() &&
               desc.contains(QLatin1String("key-value pair"))) {
        out.message = QStringLiteral("expected 'key = value', got '%1'").arg(lt);
    } else if (desc.contains(QLatin1String("could not determine value type")) && !key.isEmpty()) {
        const QString value = lt.mid(lt.indexOf(u'=') + 1).trimmed().section(u' ', 0, 0);
        out.message = QStringLiteral("cannot read value '%1' (strings need double quotes)").arg(value);
    } else if (desc.startsWith(QLatin1String("Error while parsing string")) &&
               (desc.contains(QLatin1String("end-of-file")) || column > lt.size())) {
        out.message = QStringLiteral("unterminated string");
    } else if (desc.contains(QLatin1String("exceeded maximum nested value depth"))) {
        out.message = QStringLiteral("values nested deeper than %1 levels").arg(maxValueDepth);
    } else {
        static const QRegularExpression prefix(QStringLiteral("^Error while parsing "));
        QString m = desc;
        m.replace(prefix, QString());
        out.message = QStringLiteral("column %1: %2").arg(column).arg(m);
    }
    return out;
}

} // namespace vigil::configtext
