#include "CommandArgs.h"

#include <QDateTime>
#include <QRegularExpression>

namespace vigil::cli {

QString CommandArgs::value(const char *option) const
{
    const auto it = options.find(QLatin1String(option));
    return it == options.end() ? QString() : it->second;
}

bool CommandArgs::has(const char *option) const
{
    return flags.contains(QLatin1String(option)) || options.count(QLatin1String(option)) > 0;
}

CommandArgs parseCommand(QStringList args, const CommandSpec &spec)
{
    CommandArgs p;
    if (!args.isEmpty() && !spec.name.isEmpty() && args.front() == spec.name)
        args.removeFirst();
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString value;
        const qsizetype eq = a.indexOf(u'=');
        const bool inlineValue = a.startsWith(QLatin1String("--")) && eq > 0;
        if (inlineValue) {
            value = a.mid(eq + 1);
            a = a.left(eq);
        }
        if (spec.withValue.contains(a)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    p.error = QStringLiteral("%1 needs a value").arg(a);
                    return p;
                }
                value = args[++i];
            }
            p.options[a] = value;
        } else if (spec.optionalValue.contains(a)) {
            if (!inlineValue && i + 1 < args.size() && !args[i + 1].startsWith(u'-'))
                value = args[++i];
            p.options[a] = value;
        } else if (spec.flags.contains(a) || a == QLatin1String("--help") || a == QLatin1String("-h")) {
            if (inlineValue) {
                p.error = QStringLiteral("%1 takes no value").arg(a);
                return p;
            }
            p.flags << a;
        } else if (a.startsWith(u'-') && a.size() > 1) {
            p.error = QStringLiteral("unknown option %1").arg(a);
            return p;
        } else if (p.command.isEmpty()) {
            p.command = a;
        } else if (spec.allowPositional) {
            p.positional << a;
        } else {
            p.error = QStringLiteral("unexpected argument '%1'").arg(a);
            return p;
        }
    }
    return p;
}

bool parseTimeMs(const QString &text, qint64 *ms)
{
    const QString t = text.trimmed();
    static const QRegularExpression digits(QStringLiteral(R"(^-?\d+$)"));
    if (digits.match(t).hasMatch()) {
        bool ok = false;
        *ms = t.toLongLong(&ok);
        return ok;
    }
    QString iso = t;
    if (iso.size() > 10 && iso[10] == u' ')
        iso[10] = u'T';
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return false;
    *ms = dt.toMSecsSinceEpoch();
    return true;
}

} // namespace vigil::cli
