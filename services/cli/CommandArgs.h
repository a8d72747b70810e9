// The argument reader every `vigil <subcommand>` shares (archive, dicom, report, audit...): one
// command word, options that take a value (`--bed 3` or `--bed=3`), options whose value is optional
// (`--print` or `--print QUEUE`), flags, and positional words where the subcommand allows them.
// Unknown options and a missing value are errors with a clear message, never a guess.
#pragma once

#include <QString>
#include <QStringList>

#include <map>

namespace vigil::cli {

struct CommandSpec
{
    QString name;                 // "archive": a leading "archive" word is skipped
    QStringList withValue;        // options followed by a value
    QStringList optionalValue;    // options that take the next word as a value unless it is an option
    QStringList flags;            // options without a value ("--help" and "-h" are always flags)
    bool allowPositional = false; // words after the command word; otherwise they are an error
};

struct CommandArgs
{
    QString command;        // the first word that is not an option ("" when none was given)
    QStringList positional; // further words, when the spec allows them
    std::map<QString, QString> options;
    QStringList flags;
    QString error; // empty when the arguments were understood

    QString value(const char *option) const;
    bool has(const char *option) const; // a flag, or an option given with or without a value
    bool wantsHelp() const { return has("--help") || has("-h") || command == QLatin1String("help"); }
};

CommandArgs parseCommand(QStringList args, const CommandSpec &spec);

// "2024-03-01T12:00:00Z", "2024-03-01T13:00:00+01:00", "2024-03-01 12:00" (local time), "1709294400000"
// (epoch ms). Returns false for anything else.
bool parseTimeMs(const QString &text, qint64 *ms);

} // namespace vigil::cli
